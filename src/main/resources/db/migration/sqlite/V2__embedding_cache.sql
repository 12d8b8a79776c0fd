-- Document embeddings by model and text: a reindex (or a second evaluation run) looks vectors up here
-- instead of running the model again. text_hash is SHA-256 of the embedded text (UTF-8); vector is the
-- unit-length float32 vector, little-endian.
CREATE TABLE embedding_cache (
    model     TEXT NOT NULL,
    text_hash BLOB NOT NULL,
    vector    BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
