/** The two IPC channels; the preload and main.ts use only these. Kept apart so the preload stays tiny. */
export const IPC_INVOKE = 'camera-finder:invoke';
export const IPC_EVENT = 'camera-finder:event';
