// The width matrix at 120 columns (see test/support/width-matrix.ts).
import { widthMatrix } from '../support/width-matrix.js';

widthMatrix(120);
