"""Sync (issue 15, "Two machines, one journal"): devices share one journal through a folder that a sync tool
they already use (Syncthing, Nextcloud, Dropbox, a USB stick) keeps in step. Qt-free; imported only by
``rutjournal sync`` (``tests/cli/test_cli_lean.py``: no other command loads pycrdt or cryptography).

The engine is **pycrdt**, the Python binding of Yrs (Rust's Yjs), rather than Loro: Yrs is the engine behind
Jupyter's collaborative editing (jupyter-collaboration, jupyter_ydoc), so it has years of use on documents a
person cares about; pycrdt is a mature, typed binding with wheels for every platform we ship; its Text is a
sequence CRDT whose concurrent inserts at one place both survive (two devices' paragraphs of the same day merge
into one text, none lost); and it speaks state vectors and diff updates, so a device writes only what the others
lack. Merging is the engine's alone: no hand-written last-writer-wins stamps, no three-way text merge.

The modules, bottom up:
  sealed.py    the sync passphrase → a key (scrypt, a salt per folder in ``rutjournal-sync/sync.json``), and
               AES-256-GCM files bound to their device and name; a check file tells a wrong passphrase
  folder.py    ``<folder>/rutjournal-sync/<device-uid>/``: this device writes only there, atomically, under names
               that never collide; listing skips what sync tools leave (conflict copies, temporary files)
  document.py  the replicated document: one Map per table keyed by uid ("entries" for now), local rows → CRDT
               edits (text as insert/delete ranges), and the view of it that is projected into SQLite
  project.py   the view → the journal's SQLite, in one write transaction through the journal's store
  records.py   the other sections' tables in the document and back (records_table.py describes each;
               texts.py edits a Text by ranges, for both)
  state.py     this device's own state in ``<data_dir>/sync/`` (state.json, doc.bin), written atomically
  service.py   setup / round / status / leave: what ``rutjournal sync`` (cli/sync.py) calls

Built in this first slice: journal entries (day, the four scores and hours, tags, text, deletions) sync between
any number of devices; the same day written on two devices becomes one entry holding both texts; the folder
holds only sealed files; a wrong passphrase changes nothing; damaged, foreign and conflict-copy files are
skipped and retried. The other sections' records sync too (tasks and their history, Grow, Guidance,
Crossroads: each table a Map keyed by uid in the same document, ``document.TABLES``; see records.py for a
deletion against an edit and two check-ins of one day). Not built yet: compaction (``s-``
snapshot files are read already, not yet written, and old files are not removed), the window's Sync pane and
status bar, background rounds, the hypothesis convergence test, the Syncthing end-to-end test and the benchmark.

Decisions and open edges the next slice should know:
* The same day on two devices is shown joined by every device at once (``document.view``) and folded into one
  Text only by the device that created the other entry (``origin``): a fold done by every device would append
  the same paragraph once per device, since the engine keeps every concurrent insert.
* A round reads the journal, puts what changed here into the document and writes the view back in ONE write
  transaction: a save or a command that comes meanwhile waits for it and then writes on top of what it wrote,
  so the view never overwrites what it did not read (tests/core/test_sync_rounds.py).
* Not yet closed: a round killed between projecting into the journal and saving ``doc.bin`` sends, next time,
  what came in as if typed here (a paragraph could then show twice); two rounds of one device at the same
  moment (window and CLI) wait for each other's transaction, but each loads ``state.json`` and ``doc.bin``
  before it, so the later one saves an older document (updates are applied again next round: no text is lost,
  but a lock around the whole round would be cleaner); two devices setting up an empty folder at the same
  moment each write a ``sync.json`` (the sync tool keeps one; the other device then meets a wrong passphrase);
  an edit made on a third device into an entry while its creator folds it lands in the tombstoned copy.
* The state remembers every file applied (``state.json``'s list): compaction should let it forget them.
"""
