-- Journal schema, version 1: applications with the texts themselves (a posting taken off the web is kept), the
-- CV versions they were compared with (each text stored once), the comparison made then, notes and questions.
-- Never edit a released migration: add the next one.

CREATE TABLE cv_versions (
    id INTEGER PRIMARY KEY,
    -- FNV-1a 64 of the text, as an index only: equal hashes are checked against the text itself.
    hash INTEGER NOT NULL,
    name TEXT NOT NULL,
    added TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX cv_versions_by_hash ON cv_versions (hash);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    date TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'interview', 'rejected', 'offer')),
    -- The CV the comparison was made with; NULL when there was none.
    cv_id INTEGER REFERENCES cv_versions (id),
    score INTEGER
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('posting', 'bio')),
    name TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX documents_by_entry ON documents (entry_id);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX notes_by_entry ON notes (entry_id);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    asked TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT
);
CREATE INDEX questions_by_entry ON questions (entry_id);

-- The comparison's gaps, one row per skill, in gap order.
CREATE TABLE gaps (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    skill TEXT NOT NULL,
    name TEXT NOT NULL,
    importance INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (entry_id, position)
);
