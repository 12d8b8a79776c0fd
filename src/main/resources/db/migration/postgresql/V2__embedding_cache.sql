-- PostgreSQL twin of sqlite/V2: document embeddings by model and SHA-256 of the text (little-endian float32).
CREATE TABLE embedding_cache (
    model     TEXT NOT NULL,
    text_hash BYTEA NOT NULL,
    vector    BYTEA NOT NULL,
    PRIMARY KEY (model, text_hash)
);
