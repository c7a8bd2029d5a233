/** The text the editor starts from: the metadata as pretty-printed JSON (put its members in order first: inCanonicalOrder). */
export const metadataText = (metadata: Record<string, unknown>) => `${JSON.stringify(metadata, null, 2)}\n`;
