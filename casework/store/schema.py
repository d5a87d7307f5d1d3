"""Workspace tables, created and migrated by code.

Each migration is a numbered list of statements applied once, in order, in
one transaction; the workspace records the highest version applied. A
workspace from a newer Casework is refused rather than half-understood.
Tables are keyed by followthemoney-style entity ids; what FtM has no field
for (spans, a comment's parent, removed boilerplate) lives in columns here.
"""

from __future__ import annotations

from casework.errors import Errors, WorkspaceError
from casework.store.backend import Backend

MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """
            CREATE TABLE sources (
                sha256 VARCHAR PRIMARY KEY,
                path VARCHAR NOT NULL,
                format VARCHAR NOT NULL,
                size BIGINT NOT NULL,
                records INTEGER NOT NULL,
                failed_records INTEGER NOT NULL,
                ingested_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            """
            CREATE TABLE documents (
                id VARCHAR PRIMARY KEY,
                schema VARCHAR NOT NULL,
                format VARCHAR NOT NULL,
                source VARCHAR NOT NULL,
                source_url VARCHAR,
                canonical_url VARCHAR,
                sha256 VARCHAR NOT NULL,
                record_index INTEGER NOT NULL,
                title VARCHAR,
                section VARCHAR,
                description VARCHAR,
                site VARCHAR,
                authors VARCHAR[],
                published DATE,
                language VARCHAR,
                language_score DOUBLE,
                declared_language VARCHAR,
                body VARCHAR NOT NULL,
                full_text VARCHAR NOT NULL,
                bios JSON,
                removed JSON,
                metadata JSON,
                captured_at TIMESTAMPTZ,
                ingested_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            """
            CREATE TABLE comments (
                id VARCHAR PRIMARY KEY,
                document_id VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                position INTEGER NOT NULL,
                depth INTEGER NOT NULL,
                parent_id VARCHAR,
                native_id VARCHAR,
                reply_to VARCHAR,
                author VARCHAR,
                author_name VARCHAR,
                author_url VARCHAR,
                author_handle VARCHAR,
                published_at TIMESTAMPTZ,
                published_raw VARCHAR,
                text VARCHAR NOT NULL,
                language VARCHAR,
                language_score DOUBLE,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                urls VARCHAR[],
                hashtags VARCHAR[],
                repost_of VARCHAR,
                source VARCHAR NOT NULL,
                sha256 VARCHAR NOT NULL,
                line INTEGER,
                ingested_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            "CREATE INDEX comments_document ON comments (document_id)",
            """
            CREATE TABLE segments (
                document_id VARCHAR NOT NULL,
                seq INTEGER NOT NULL,
                kind VARCHAR NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                comment_id VARCHAR,
                PRIMARY KEY (document_id, seq)
            )
            """,
            """
            CREATE TABLE document_minhash (
                document_id VARCHAR PRIMARY KEY,
                shingles INTEGER NOT NULL,
                signature UINTEGER[] NOT NULL
            )
            """,
            """
            CREATE TABLE document_bands (
                document_id VARCHAR NOT NULL,
                band SMALLINT NOT NULL,
                bucket BIGINT NOT NULL,
                PRIMARY KEY (document_id, band)
            )
            """,
            "CREATE INDEX document_bands_bucket ON document_bands (band, bucket)",
            """
            CREATE TABLE document_groups (
                document_id VARCHAR PRIMARY KEY,
                canonical_id VARCHAR NOT NULL,
                similarity DOUBLE NOT NULL
            )
            """,
            """
            CREATE TABLE ingest_runs (
                id VARCHAR PRIMARY KEY,
                started_at TIMESTAMPTZ NOT NULL,
                finished_at TIMESTAMPTZ,
                ingested INTEGER,
                duplicates INTEGER,
                failed INTEGER,
                errors JSON,
                casework_version VARCHAR NOT NULL
            )
            """,
        ],
    ),
]

MIGRATIONS.append(
    (
        2,
        [
            """
            CREATE TABLE list_datasets (
                name VARCHAR PRIMARY KEY,
                format VARCHAR NOT NULL,
                version VARCHAR NOT NULL,
                sources VARCHAR[] NOT NULL,
                loaded_at TIMESTAMPTZ NOT NULL,
                entities INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                skipped_sample JSON,
                casework_version VARCHAR NOT NULL
            )
            """,
            """
            CREATE TABLE list_entities (
                dataset VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                schema VARCHAR NOT NULL,
                caption VARCHAR,
                names VARCHAR[] NOT NULL,
                weak_names VARCHAR[] NOT NULL,
                programs VARCHAR[] NOT NULL,
                birth_dates VARCHAR[] NOT NULL,
                countries VARCHAR[] NOT NULL,
                genders VARCHAR[] NOT NULL,
                identifiers VARCHAR[] NOT NULL,
                properties JSON NOT NULL,
                content_hash VARCHAR NOT NULL,
                PRIMARY KEY (dataset, id)
            )
            """,
        ],
    )
)

MIGRATIONS.append(
    (
        3,
        [
            """
            CREATE TABLE screen_decisions (
                id VARCHAR PRIMARY KEY,
                query_key VARCHAR NOT NULL,
                query VARCHAR NOT NULL,
                entity_id VARCHAR NOT NULL,
                verdict VARCHAR NOT NULL,
                note VARCHAR,
                user_name VARCHAR NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                deleted_at TIMESTAMPTZ
            )
            """,
            "CREATE INDEX screen_decisions_pair ON screen_decisions (query_key, entity_id)",
            """
            CREATE TABLE screen_history (
                query_key VARCHAR NOT NULL,
                entity_id VARCHAR NOT NULL,
                dataset VARCHAR NOT NULL,
                list_version VARCHAR NOT NULL,
                content_hash VARCHAR NOT NULL,
                score DOUBLE NOT NULL,
                status VARCHAR NOT NULL,
                screened_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (query_key, entity_id)
            )
            """,
        ],
    )
)

MIGRATIONS.append(
    (
        4,
        [
            # One row per document that extraction has seen, so a re-run takes only new ones.
            """
            CREATE TABLE extract_documents (
                document_id VARCHAR PRIMARY KEY,
                status VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                segments INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                skipped_languages VARCHAR[],
                mentions INTEGER NOT NULL,
                processed_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            # Names found in text. Spans index documents.full_text; the segment says
            # which part (title, body, bio, comment) and the sentence is kept whole.
            """
            CREATE TABLE mentions (
                id VARCHAR PRIMARY KEY,
                document_id VARCHAR NOT NULL,
                segment INTEGER NOT NULL,
                segment_kind VARCHAR NOT NULL,
                comment_id VARCHAR,
                label VARCHAR NOT NULL,
                model_label VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                sentence VARCHAR NOT NULL,
                sentence_start INTEGER NOT NULL,
                sentence_end INTEGER NOT NULL,
                model VARCHAR NOT NULL
            )
            """,
            "CREATE INDEX mentions_document ON mentions (document_id)",
            # Titles and roles a text gives a person, with the organisation named in them.
            """
            CREATE TABLE positions (
                id VARCHAR PRIMARY KEY,
                mention_id VARCHAR NOT NULL,
                document_id VARCHAR NOT NULL,
                segment INTEGER NOT NULL,
                person VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                organisation VARCHAR,
                organisation_mention_id VARCHAR,
                pattern VARCHAR NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                sentence VARCHAR NOT NULL,
                sentence_start INTEGER NOT NULL
            )
            """,
            "CREATE INDEX positions_document ON positions (document_id)",
            # Who said what: direct and indirect speech with the speaker.
            """
            CREATE TABLE quotes (
                id VARCHAR PRIMARY KEY,
                document_id VARCHAR NOT NULL,
                segment INTEGER NOT NULL,
                speaker VARCHAR,
                speaker_text VARCHAR NOT NULL,
                speaker_mention_id VARCHAR,
                kind VARCHAR NOT NULL,
                cue VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                sentence VARCHAR NOT NULL,
                sentence_start INTEGER NOT NULL
            )
            """,
            "CREATE INDEX quotes_document ON quotes (document_id)",
            # Acts the text alleges, with actor, target and the Global Magnitsky category.
            """
            CREATE TABLE acts (
                id VARCHAR PRIMARY KEY,
                document_id VARCHAR NOT NULL,
                segment INTEGER NOT NULL,
                kind VARCHAR NOT NULL,
                category VARCHAR NOT NULL,
                trigger VARCHAR NOT NULL,
                actor VARCHAR,
                actor_mention_id VARCHAR,
                target VARCHAR,
                target_mention_id VARCHAR,
                time_text VARCHAR,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                sentence VARCHAR NOT NULL,
                sentence_start INTEGER NOT NULL
            )
            """,
            "CREATE INDEX acts_document ON acts (document_id)",
        ],
    )
)

MIGRATIONS.append(
    (
        5,
        [
            # Who is who: mentions (and commenters) resolved into entities. Rebuilt
            # whole by each `casework resolve`; decisions below survive every run.
            """
            CREATE TABLE entities (
                id VARCHAR PRIMARY KEY,
                label VARCHAR NOT NULL,
                schema VARCHAR,
                name VARCHAR NOT NULL,
                names VARCHAR[] NOT NULL,
                mentions INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                anchor_mention_id VARCHAR,
                resolved_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            # Why each mention is in its entity: within its document (how), and how
            # its document's group joined the entity (joined, score, detail).
            """
            CREATE TABLE entity_mentions (
                mention_id VARCHAR PRIMARY KEY,
                entity_id VARCHAR NOT NULL,
                document_id VARCHAR NOT NULL,
                how VARCHAR NOT NULL,
                joined VARCHAR NOT NULL,
                score DOUBLE NOT NULL,
                detail VARCHAR
            )
            """,
            "CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id)",
            # Commenters as UserAccount entities, tied to their comments.
            """
            CREATE TABLE account_comments (
                comment_id VARCHAR PRIMARY KEY,
                entity_id VARCHAR NOT NULL,
                document_id VARCHAR NOT NULL
            )
            """,
            "CREATE INDEX account_comments_entity ON account_comments (entity_id)",
            # Pairs of entities that may be one, for a person to decide.
            """
            CREATE TABLE resolve_review (
                rank INTEGER NOT NULL,
                left_id VARCHAR NOT NULL,
                right_id VARCHAR NOT NULL,
                left_name VARCHAR NOT NULL,
                right_name VARCHAR NOT NULL,
                left_mention_id VARCHAR NOT NULL,
                right_mention_id VARCHAR NOT NULL,
                score DOUBLE NOT NULL,
                reason VARCHAR NOT NULL,
                detail VARCHAR
            )
            """,
            # Same / different / unsure, by one mention of each entity (mention ids are
            # stable across runs). Append-only: the latest per pair is in force.
            """
            CREATE TABLE resolve_decisions (
                id VARCHAR PRIMARY KEY,
                left_mention_id VARCHAR NOT NULL,
                right_mention_id VARCHAR NOT NULL,
                left_name VARCHAR,
                right_name VARCHAR,
                verdict VARCHAR NOT NULL,
                note VARCHAR,
                user_name VARCHAR NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            )
            """,
        ],
    )
)

MIGRATIONS.append(
    (
        6,
        [
            # Each resolved person or organisation screened against the loaded lists:
            # one row per entity (what was asked, against which list versions), and one
            # per list entry it came near, with the scorer's explanation.
            """
            CREATE TABLE screened_entities (
                entity_id VARCHAR PRIMARY KEY,
                schema VARCHAR NOT NULL,
                queries VARCHAR[] NOT NULL,
                lists JSON NOT NULL,
                results INTEGER NOT NULL,
                hits INTEGER NOT NULL,
                skipped VARCHAR,
                screened_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            """
            CREATE TABLE entity_screening (
                entity_id VARCHAR NOT NULL,
                list_entity_id VARCHAR NOT NULL,
                dataset VARCHAR NOT NULL,
                list_version VARCHAR NOT NULL,
                schema VARCHAR NOT NULL,
                caption VARCHAR NOT NULL,
                programs VARCHAR[] NOT NULL,
                listing_dates VARCHAR[] NOT NULL,
                query VARCHAR NOT NULL,
                matched_name VARCHAR NOT NULL,
                score DOUBLE NOT NULL,
                status VARCHAR NOT NULL,
                decision VARCHAR,
                explanation JSON NOT NULL,
                PRIMARY KEY (entity_id, list_entity_id)
            )
            """,
            # The latest coordination run over the workspace's comments and posts.
            # Account ids are casework.ingest.catalog.account_key values.
            """
            CREATE TABLE coordination_runs (
                id VARCHAR PRIMARY KEY,
                settings JSON NOT NULL,
                ran_at TIMESTAMPTZ NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
            """
            CREATE TABLE coordination_accounts (
                id VARCHAR PRIMARY KEY,
                name VARCHAR,
                messages INTEGER NOT NULL,
                community INTEGER,
                score DOUBLE NOT NULL,
                flags JSON NOT NULL,
                reason VARCHAR NOT NULL,
                evidence JSON NOT NULL
            )
            """,
            """
            CREATE TABLE coordination_links (
                a VARCHAR NOT NULL,
                b VARCHAR NOT NULL,
                weight DOUBLE NOT NULL,
                signals JSON NOT NULL,
                reason VARCHAR NOT NULL,
                evidence JSON NOT NULL,
                PRIMARY KEY (a, b)
            )
            """,
            """
            CREATE TABLE coordination_communities (
                id INTEGER PRIMARY KEY,
                accounts VARCHAR[] NOT NULL,
                score DOUBLE NOT NULL,
                signals JSON NOT NULL,
                reason VARCHAR NOT NULL
            )
            """,
            """
            CREATE TABLE coordination_talking_points (
                id INTEGER PRIMARY KEY,
                text VARCHAR NOT NULL,
                messages INTEGER NOT NULL,
                versions INTEGER NOT NULL,
                accounts VARCHAR[] NOT NULL,
                linked INTEGER NOT NULL,
                first_seen VARCHAR,
                last_seen VARCHAR,
                examples VARCHAR[] NOT NULL,
                reason VARCHAR NOT NULL
            )
            """,
            # What `casework build` has done, so an interrupted build resumes.
            """
            CREATE TABLE build_runs (
                id VARCHAR PRIMARY KEY,
                sources VARCHAR[] NOT NULL,
                out_dir VARCHAR NOT NULL,
                started_at TIMESTAMPTZ NOT NULL,
                finished_at TIMESTAMPTZ,
                steps JSON NOT NULL,
                casework_version VARCHAR NOT NULL
            )
            """,
        ],
    )
)

MIGRATIONS.append(
    (
        7,
        [
            # Conduct: the actor's mode of involvement and the words that say so, the
            # act's date read against the document's date, and its place.
            "ALTER TABLE acts ADD COLUMN mode VARCHAR",
            "ALTER TABLE acts ADD COLUMN mode_cue VARCHAR",
            "ALTER TABLE acts ADD COLUMN date VARCHAR",
            "ALTER TABLE acts ADD COLUMN date_basis VARCHAR",
            "ALTER TABLE acts ADD COLUMN place VARCHAR",
            "ALTER TABLE acts ADD COLUMN place_mention_id VARCHAR",
            # How sure a quotation's speaker is, and how it was found.
            "ALTER TABLE quotes ADD COLUMN confidence DOUBLE DEFAULT 1.0",
            "ALTER TABLE quotes ADD COLUMN speaker_basis VARCHAR DEFAULT 'name'",
            # Exculpatory information and the right of reply, tied to the accused.
            """
            CREATE TABLE replies (
                id VARCHAR PRIMARY KEY,
                document_id VARCHAR NOT NULL,
                segment INTEGER NOT NULL,
                kind VARCHAR NOT NULL,
                subject VARCHAR,
                subject_mention_id VARCHAR,
                speaker VARCHAR,
                speaker_mention_id VARCHAR,
                cue VARCHAR NOT NULL,
                span_start INTEGER NOT NULL,
                span_end INTEGER NOT NULL,
                sentence VARCHAR NOT NULL,
                sentence_start INTEGER NOT NULL
            )
            """,
            "CREATE INDEX replies_document ON replies (document_id)",
        ],
    )
)

# The comment-wave view of coordination: talking points by claim and campaigns
# (casework.coordination.waves), beside the network's tables.
MIGRATIONS.append(
    (
        8,
        [
            """
            CREATE TABLE coordination_claims (
                id INTEGER PRIMARY KEY,
                thread VARCHAR,
                label VARCHAR NOT NULL,
                phrases VARCHAR[] NOT NULL,
                accounts VARCHAR[] NOT NULL,
                messages JSON NOT NULL,
                surprise DOUBLE NOT NULL
            )
            """,
            """
            CREATE TABLE coordination_campaigns (
                id INTEGER PRIMARY KEY,
                thread VARCHAR,
                kind VARCHAR NOT NULL,
                accounts VARCHAR[] NOT NULL,
                score DOUBLE NOT NULL,
                reason VARCHAR NOT NULL,
                talking_points VARCHAR[] NOT NULL,
                members JSON NOT NULL
            )
            """,
            # Secrets of this workspace: the key its account pseudonyms are made with.
            "CREATE TABLE workspace_keys (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
        ],
    )
)

MIGRATIONS.append(
    (
        9,
        [
            # The screening index as built for the loaded lists (casework.screen.stored):
            # named binary parts (arrays, the list entries, the tagger's symbols, the
            # fingerprint it is valid for).
            "CREATE TABLE screen_index (part VARCHAR PRIMARY KEY, data BLOB NOT NULL)",
        ],
    )
)

LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(backend: Backend) -> int:
    exists = backend.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    )
    if not exists:
        return 0
    return int(backend.scalar("SELECT coalesce(max(version), 0) FROM schema_version"))


def migrate(backend: Backend, path: str) -> int:
    """Bring the workspace to LATEST_VERSION; return the version it is at."""
    found = current_version(backend)
    if found > LATEST_VERSION:
        raise WorkspaceError(Errors.E001, path=path, found=found, known=LATEST_VERSION)
    if found == LATEST_VERSION:
        return found
    with backend.transaction():
        backend.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        for version, statements in MIGRATIONS:
            if version <= found:
                continue
            for statement in statements:
                backend.execute(statement)
            backend.execute("INSERT INTO schema_version VALUES (?)", [version])
    return LATEST_VERSION
