-- The schema at revision 0007, as the migrations make it. Written by python -m rutjournal.core.storage.new_journal.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE "applications" (
	id INTEGER NOT NULL, 
	company VARCHAR(200) NOT NULL, 
	role VARCHAR(200) NOT NULL, 
	stage VARCHAR(10) DEFAULT 'idea' NOT NULL, 
	applied_on DATE, 
	updated_on DATE NOT NULL, 
	notes TEXT DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_applications_stage CHECK (stage IN ('idea', 'applied', 'interview', 'offer', 'rejected', 'withdrawn')), 
	CONSTRAINT uq_applications_uid UNIQUE (uid)
);
CREATE TABLE "challenges" (
	id INTEGER NOT NULL, 
	asked_on DATE NOT NULL, 
	what TEXT NOT NULL, 
	asked_of VARCHAR(200) NOT NULL, 
	answer VARCHAR(8) DEFAULT 'pending' NOT NULL, 
	answered_on DATE, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_challenges_answer CHECK (answer IN ('pending', 'yes', 'no', 'later')), 
	CONSTRAINT uq_challenges_uid UNIQUE (uid)
);
CREATE TABLE checkin_answers (
	checkin_id INTEGER NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	score INTEGER NOT NULL, 
	PRIMARY KEY (checkin_id, "key"), 
	CONSTRAINT ck_checkin_answers_score CHECK (score BETWEEN 1 AND 5), 
	FOREIGN KEY(checkin_id) REFERENCES checkins (id) ON DELETE CASCADE
);
CREATE TABLE "checkins" (
	id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	note TEXT DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (day), 
	CONSTRAINT uq_checkins_uid UNIQUE (uid)
);
CREATE TABLE "conversation_options" (
	id INTEGER NOT NULL, 
	conversation_id INTEGER NOT NULL, 
	kind VARCHAR(24) NOT NULL, 
	said TEXT DEFAULT '' NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_conversation_options_kind CHECK (kind IN ('lateral_move', 'cross_training', 'leadership_programme', 'seminar', 'course_reimbursement', 'promotion_path', 'other')), 
	FOREIGN KEY(conversation_id) REFERENCES conversations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_conversation_options_uid UNIQUE (uid)
);
CREATE TABLE "conversations" (
	id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	with_name VARCHAR(200) NOT NULL, 
	role VARCHAR(12) NOT NULL, 
	held BOOLEAN DEFAULT 0 NOT NULL, 
	agenda TEXT DEFAULT '' NOT NULL, 
	notes TEXT DEFAULT '' NOT NULL, 
	outcome TEXT DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_conversations_role CHECK (role IN ('boss', 'hr', 'mentor', 'skip_level')), 
	CONSTRAINT uq_conversations_uid UNIQUE (uid)
);
CREATE TABLE "entries" (
	id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	body TEXT DEFAULT '' NOT NULL, 
	mood INTEGER, 
	energy INTEGER, 
	challenge INTEGER, 
	hours FLOAT, 
	load INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	revision INTEGER DEFAULT 1 NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_entries_mood CHECK (mood IS NULL OR mood BETWEEN 1 AND 5), 
	CONSTRAINT ck_entries_energy CHECK (energy IS NULL OR energy BETWEEN 1 AND 5), 
	CONSTRAINT ck_entries_challenge CHECK (challenge IS NULL OR challenge BETWEEN 1 AND 5), 
	CONSTRAINT ck_entries_load CHECK (load IS NULL OR load BETWEEN 1 AND 5), 
	CONSTRAINT ck_entries_hours CHECK (hours IS NULL OR (hours >= 0 AND hours <= 24)), 
	CONSTRAINT uq_entries_uid UNIQUE (uid)
);
CREATE VIRTUAL TABLE entry_search USING fts5(body, tags, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE entry_tags (
	entry_id INTEGER NOT NULL, 
	tag_id INTEGER NOT NULL, 
	PRIMARY KEY (entry_id, tag_id), 
	FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE CASCADE, 
	FOREIGN KEY(tag_id) REFERENCES tags (id) ON DELETE CASCADE
);
CREATE TABLE "evidence" (
	id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	text TEXT NOT NULL, 
	kind VARCHAR(24) DEFAULT 'project_shipped' NOT NULL, 
	result TEXT, 
	gap_id INTEGER, 
	goal_id INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_evidence_kind CHECK (kind IN ('project_shipped', 'writing_design', 'collaboration_mentoring', 'beyond_role')), 
	FOREIGN KEY(gap_id) REFERENCES gaps (id) ON DELETE SET NULL, 
	FOREIGN KEY(goal_id) REFERENCES goals (id) ON DELETE SET NULL, 
	CONSTRAINT uq_evidence_uid UNIQUE (uid)
);
CREATE TABLE "followups" (
	id INTEGER NOT NULL, 
	conversation_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	owner VARCHAR(4) NOT NULL, 
	due DATE, 
	done_on DATE, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_followups_owner CHECK (owner IN ('me', 'them')), 
	FOREIGN KEY(conversation_id) REFERENCES conversations (id) ON DELETE CASCADE, 
	CONSTRAINT uq_followups_uid UNIQUE (uid)
);
CREATE TABLE "gaps" (
	id INTEGER NOT NULL, 
	target_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	kind VARCHAR(12) NOT NULL, 
	good_looks_like TEXT DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_gaps_kind CHECK (kind IN ('skill', 'experience', 'knowledge', 'visibility')), 
	FOREIGN KEY(target_id) REFERENCES targets (id) ON DELETE CASCADE, 
	CONSTRAINT uq_gaps_uid UNIQUE (uid)
);
CREATE TABLE "goal_progress" (
	id INTEGER NOT NULL, 
	goal_id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	percent INTEGER NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_goal_progress_percent CHECK (percent BETWEEN 0 AND 100), 
	FOREIGN KEY(goal_id) REFERENCES goals (id) ON DELETE CASCADE, 
	CONSTRAINT uq_goal_progress_uid UNIQUE (uid)
);
CREATE TABLE "goals" (
	id INTEGER NOT NULL, 
	gap_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	started_on DATE NOT NULL, 
	due DATE, 
	status VARCHAR(12) DEFAULT 'not_started' NOT NULL, 
	manual_percent INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_goals_status CHECK (status IN ('not_started', 'active', 'done', 'dropped')), 
	CONSTRAINT ck_goals_percent CHECK (manual_percent IS NULL OR manual_percent BETWEEN 0 AND 100), 
	FOREIGN KEY(gap_id) REFERENCES gaps (id) ON DELETE CASCADE, 
	CONSTRAINT uq_goals_uid UNIQUE (uid)
);
CREATE TABLE "milestones" (
	id INTEGER NOT NULL, 
	goal_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	position INTEGER DEFAULT '0' NOT NULL, 
	done_on DATE, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(goal_id) REFERENCES goals (id) ON DELETE CASCADE, 
	CONSTRAINT uq_milestones_uid UNIQUE (uid)
);
CREATE TABLE "promotions" (
	id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	outcome VARCHAR(8) NOT NULL, 
	role_title VARCHAR(200), 
	reason TEXT, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_promotions_outcome CHECK (outcome IN ('pending', 'granted', 'refused')), 
	CONSTRAINT uq_promotions_uid UNIQUE (uid)
);
CREATE TABLE tags (
	id INTEGER NOT NULL, 
	name VARCHAR(64) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE "targets" (
	id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	by_date DATE, 
	active BOOLEAN DEFAULT 1 NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_targets_uid UNIQUE (uid)
);
CREATE TABLE "task_events" (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	decision VARCHAR(12) NOT NULL, 
	done BOOLEAN DEFAULT 0 NOT NULL, 
	minutes_per_week INTEGER NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_task_events_decision CHECK (decision IN ('undecided', 'keep', 'delegate', 'drop', 'decline', 'automate', 'renegotiate')), 
	FOREIGN KEY(task_id) REFERENCES tasks (id) ON DELETE CASCADE, 
	CONSTRAINT uq_task_events_uid UNIQUE (uid)
);
CREATE TABLE "tasks" (
	id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	kind VARCHAR(10) DEFAULT 'task' NOT NULL, 
	minutes_per_week INTEGER DEFAULT '0' NOT NULL, 
	in_jd VARCHAR(6) DEFAULT 'yes' NOT NULL, 
	enjoyment INTEGER, 
	value INTEGER, 
	decision VARCHAR(12) DEFAULT 'undecided' NOT NULL, 
	delegate_to VARCHAR(200), 
	reason TEXT, 
	decided_on DATE, 
	done_on DATE, 
	notes TEXT DEFAULT '' NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	uid TEXT DEFAULT (lower(hex(randomblob(16)))) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_tasks_kind CHECK (kind IN ('task', 'meeting', 'project')), 
	CONSTRAINT ck_tasks_in_jd CHECK (in_jd IN ('yes', 'partly', 'no')), 
	CONSTRAINT ck_tasks_decision CHECK (decision IN ('undecided', 'keep', 'delegate', 'drop', 'decline', 'automate', 'renegotiate')), 
	CONSTRAINT ck_tasks_minutes CHECK (minutes_per_week BETWEEN 0 AND 10080), 
	CONSTRAINT ck_tasks_enjoyment CHECK (enjoyment IS NULL OR enjoyment BETWEEN -2 AND 2), 
	CONSTRAINT ck_tasks_value CHECK (value IS NULL OR value BETWEEN 1 AND 5), 
	CONSTRAINT uq_tasks_uid UNIQUE (uid)
);
CREATE TABLE upkeep_owed (
	task VARCHAR(40) NOT NULL, 
	since DATETIME NOT NULL, 
	PRIMARY KEY (task)
);
CREATE INDEX ix_conversation_options_conversation_id ON conversation_options (conversation_id);
CREATE INDEX ix_conversations_day ON conversations (day);
CREATE UNIQUE INDEX ix_entries_day ON entries (day);
CREATE INDEX ix_entry_tags_tag_id ON entry_tags (tag_id);
CREATE INDEX ix_evidence_day ON evidence (day);
CREATE INDEX ix_evidence_gap_id ON evidence (gap_id);
CREATE INDEX ix_evidence_goal_id ON evidence (goal_id);
CREATE INDEX ix_followups_conversation_id ON followups (conversation_id);
CREATE INDEX ix_gaps_target_id ON gaps (target_id);
CREATE INDEX ix_goal_progress_goal_id ON goal_progress (goal_id);
CREATE INDEX ix_goals_gap_id ON goals (gap_id);
CREATE INDEX ix_milestones_goal_id ON milestones (goal_id);
CREATE INDEX ix_task_events_task_id ON task_events (task_id);
CREATE TRIGGER entries_purge_owed_delete AFTER DELETE ON entries BEGIN INSERT OR IGNORE INTO upkeep_owed (task, since) VALUES ('search-purge', CURRENT_TIMESTAMP); END;
CREATE TRIGGER entries_purge_owed_update AFTER UPDATE OF body ON entries WHEN old.body IS NOT new.body
        BEGIN INSERT OR IGNORE INTO upkeep_owed (task, since) VALUES ('search-purge', CURRENT_TIMESTAMP); END;
CREATE TRIGGER entries_revision_update AFTER UPDATE OF body, mood, energy, challenge, hours, load, updated_at ON entries
        WHEN (old.body IS NOT new.body OR old.mood IS NOT new.mood OR old.energy IS NOT new.energy OR old.challenge IS NOT new.challenge OR old.hours IS NOT new.hours OR old.load IS NOT new.load OR old.updated_at IS NOT new.updated_at) AND new.revision = old.revision
        BEGIN UPDATE entries SET revision = old.revision + 1 WHERE id = new.id; END;
CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
         DELETE FROM entry_search WHERE rowid = old.id;
       END;
CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
         INSERT INTO entry_search(rowid, body, tags) VALUES (new.id, new.body, (SELECT coalesce(group_concat(t.name, ' '), '') FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = new.id));
       END;
CREATE TRIGGER entries_search_update AFTER UPDATE OF body ON entries BEGIN
         UPDATE entry_search SET body = new.body WHERE rowid = new.id;
       END;
CREATE TRIGGER entry_tags_purge_owed_delete AFTER DELETE ON entry_tags BEGIN INSERT OR IGNORE INTO upkeep_owed (task, since) VALUES ('search-purge', CURRENT_TIMESTAMP); END;
CREATE TRIGGER entry_tags_search_delete AFTER DELETE ON entry_tags BEGIN
         UPDATE entry_search SET tags = (SELECT coalesce(group_concat(t.name, ' '), '') FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = old.entry_id) WHERE rowid = old.entry_id;
       END;
CREATE TRIGGER entry_tags_search_insert AFTER INSERT ON entry_tags BEGIN
         UPDATE entry_search SET tags = (SELECT coalesce(group_concat(t.name, ' '), '') FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = new.entry_id) WHERE rowid = new.entry_id;
       END;
CREATE TRIGGER tags_purge_owed_rename AFTER UPDATE OF name ON tags WHEN old.name IS NOT new.name BEGIN INSERT OR IGNORE INTO upkeep_owed (task, since) VALUES ('search-purge', CURRENT_TIMESTAMP); END;
CREATE TRIGGER tags_search_rename AFTER UPDATE OF name ON tags BEGIN
         UPDATE entry_search SET tags = (SELECT coalesce(group_concat(t.name, ' '), '') FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = entry_search.rowid)
         WHERE rowid IN (SELECT entry_id FROM entry_tags WHERE tag_id = new.id);
       END;
INSERT INTO alembic_version (version_num) VALUES ('0007');
