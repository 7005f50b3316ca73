// The width matrix at 80 columns (see test/support/width-matrix.ts).
import { widthMatrix } from '../support/width-matrix.js';

widthMatrix(80);
