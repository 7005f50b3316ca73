// `prepdeck lab` with the built-in balancer, sessions in memory and in a real Redis (started here).
import { defineLabSuite } from '../support/lab.js';

defineLabSuite('builtin', 'memory');
defineLabSuite('builtin', 'redis');
