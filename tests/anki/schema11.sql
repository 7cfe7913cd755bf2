-- The four tables of an Anki collection at schema 11 (`collection.anki2` / `.anki21`), as
-- the tests and the import benchmark build small and large packages without Anki.
create table col (id integer primary key, crt integer, mod integer, scm integer,
  ver integer, dty integer, usn integer, ls integer, conf text, models text,
  decks text, dconf text, tags text);
create table notes (id integer primary key, guid text, mid integer, mod integer,
  usn integer, tags text, flds text, sfld integer, csum integer, flags integer,
  data text);
create table cards (id integer primary key, nid integer, did integer, ord integer,
  mod integer, usn integer, type integer, queue integer, due integer, ivl integer,
  factor integer, reps integer, lapses integer, left integer, odue integer,
  odid integer, flags integer, data text);
create table revlog (id integer primary key, cid integer, usn integer, ease integer,
  ivl integer, lastIvl integer, factor integer, time integer, type integer);
