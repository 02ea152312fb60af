export { datasetFile, fileEtag, fileFacts, MEASURED_MAX_ROWS } from './dataset-file.js';
export type { DatasetFileSource } from './dataset-file.js';
export type { FileMeasure } from './file-measure.js';
export type { FileTable } from './file-table.js';
export { serveFile } from './serve-file.js';
export type { ServedFile } from './serve-file.js';
export { contentTypes, extensionOf, XLSX_MAX_ROWS } from './served-file-format.js';
export type { ServedFileFormat } from './served-file-format.js';
export { encodeGbk } from './gbk-encoder.js';
