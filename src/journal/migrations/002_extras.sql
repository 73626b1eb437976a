-- Journal schema, version 2: who interviewed you (for the follow-up email), and when a question was answered.

ALTER TABLE entries ADD COLUMN interviewer TEXT;
ALTER TABLE questions ADD COLUMN answered TEXT;
