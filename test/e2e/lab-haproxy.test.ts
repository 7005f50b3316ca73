// `prepdeck lab --balancer haproxy`: a real HAProxy (Debian's haproxy 2.6) started by the lab, with
// sessions in memory and in a real Redis; the same end-to-end checks as the built-in balancer.
import { defineLabSuite } from '../support/lab.js';

defineLabSuite('haproxy', 'memory');
defineLabSuite('haproxy', 'redis');
