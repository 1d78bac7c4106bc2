/** The contract, split per feature under ./contract/; this path stays importable for every front door. */
export * from './contract/index.js';
