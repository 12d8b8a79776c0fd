-- Settings every node of one store shares. 'web.secret': the instance secret (hex) generated once when web.secret
-- is not configured, so that links, visitor cookies and CSRF tokens signed on one node hold on every other. (With
-- SQLite the generated secret stays in DATA_DIR/secret.key, as before; migrate-store copies it here.)
CREATE TABLE instance_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
