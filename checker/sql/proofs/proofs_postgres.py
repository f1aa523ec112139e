"""PostgreSQL 15: the races sqlrace reports, its rewrites, and its reasons."""

from harness import Async, claim, expect, pg_params, rule_codes, run_stress

D = "PostgreSQL"
CTI = "sqlrace-check-then-insert"
UUV = "sqlrace-unhandled-unique-violation"
RMW = "sqlrace-read-modify-write"
CTU = "sqlrace-check-then-update"


def ex(conn, sql, *values):
    """Runs one statement; returns (rows or None, rowcount)."""
    text, params = pg_params(sql, values)
    with conn.cursor() as cur:
        cur.execute(text, params)
        rows = cur.fetchall() if cur.description is not None else None
        return rows, cur.rowcount


def pgcode(e):
    return getattr(e, "pgcode", None)


def table(ctx, ddl):
    c = ctx.pg_connect()
    name = ddl.split()[2]
    ex(c, "DROP TABLE IF EXISTS %s" % name)
    ex(c, ddl)
    return c


def rewrite_of(ctx, relpath, check):
    f = ctx.report(relpath).only(check)
    rw = f.rewrite()
    expect(rw is not None, "%s: sqlrace printed no atomic rewrite; notes: %s" % (relpath, f.notes))
    expect(rw[0] == D, "%s: rewrite is for %r, not %s" % (relpath, rw[0], D))
    return rw[1]


# --- (a) the racy patterns go wrong ------------------------------------------

@claim(D, "pg-cti-duplicate", "check-then-insert without a unique constraint stores the row twice",
       "check-then-insert/libpq-ntuples-zero.cpp")
def pg_cti_duplicate(ctx):
    ctx.report("check-then-insert/libpq-ntuples-zero.cpp").only(CTI)
    m = table(ctx, "CREATE TABLE users (id serial PRIMARY KEY, email text)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    email = "ada@example.com"
    ra, _ = ex(a, "SELECT 1 FROM users WHERE email = $1", email)
    rb, _ = ex(b, "SELECT 1 FROM users WHERE email = $1", email)
    expect(ra == [] and rb == [], "both checks should find no row")
    ex(a, "INSERT INTO users(email) VALUES ($1)", email)
    ex(b, "INSERT INTO users(email) VALUES ($1)", email)
    n = ex(m, "SELECT count(*) FROM users WHERE email = $1", email)[0][0][0]
    expect(n == 2, "expected 2 rows, found %d" % n)
    return "2 rows for one email"


@claim(D, "pg-uuv-23505", "with a UNIQUE key and no handling, the second client's INSERT waits for the "
       "first transaction, then fails with SQLSTATE 23505, the code rules/libpq.json expects", "unhandled-unique-violation/libpq-ddl-in-code-unique-column.cpp")
def pg_uuv_23505(ctx):
    ctx.report("unhandled-unique-violation/libpq-ddl-in-code-unique-column.cpp").only(UUV)
    table(ctx, "CREATE TABLE members (id serial PRIMARY KEY, email text UNIQUE, name text)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    ex(a, "BEGIN")
    expect(ex(a, "SELECT 1 FROM members WHERE email = $1", "x@example.com")[0] == [], "A: row absent")
    expect(ex(b, "SELECT 1 FROM members WHERE email = $1", "x@example.com")[0] == [], "B: row absent")
    ex(a, "INSERT INTO members(email, name) VALUES ($1, $2)", "x@example.com", "A")
    call = Async(lambda: ex(b, "INSERT INTO members(email, name) VALUES ($1, $2)", "x@example.com", "B"))
    ctx.pg_wait_blocked(b)
    ex(a, "COMMIT")
    err = call.error()
    expect(err is not None and pgcode(err) == "23505", "B should fail with 23505, got %r" % (err,))
    expect(pgcode(err) in rule_codes("libpq"), "rules/libpq.json does not list %s" % pgcode(err))
    return "B blocked on A's uncommitted row, then got 23505 (listed in rules/libpq.json)"


@claim(D, "pg-rmw-lost-update", "read-modify-write loses an update", "read-modify-write/libpq-balance-params-array.cpp")
def pg_rmw_lost(ctx):
    ctx.report("read-modify-write/libpq-balance-params-array.cpp").only(RMW)
    m = table(ctx, "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)")
    ex(m, "INSERT INTO accounts VALUES (7, 100)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    va = ex(a, "SELECT balance FROM accounts WHERE id = $1", 7)[0][0][0]
    vb = ex(b, "SELECT balance FROM accounts WHERE id = $1", 7)[0][0][0]
    ex(a, "UPDATE accounts SET balance = $2 WHERE id = $1", 7, va - 30)
    ex(b, "UPDATE accounts SET balance = $2 WHERE id = $1", 7, vb - 50)
    final = ex(m, "SELECT balance FROM accounts WHERE id = 7")[0][0][0]
    expect(final == 50, "expected the lost-update result 50, got %d" % final)
    return "100 - 30 - 50 left 50, not 20"


@claim(D, "pg-ctu-stale", "check-then-update acts on a stale state (an archived post gets published)",
       "check-then-update/libpq-publish-draft-std-string.cpp")
def pg_ctu_stale(ctx):
    ctx.report("check-then-update/libpq-publish-draft-std-string.cpp").only(CTU)
    m = table(ctx, "CREATE TABLE posts (id int PRIMARY KEY, status text, published_at timestamptz)")
    ex(m, "INSERT INTO posts VALUES (7, 'draft', NULL)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    status = ex(a, "SELECT status FROM posts WHERE id = $1", 7)[0][0][0]
    ex(b, "UPDATE posts SET status = 'archived' WHERE id = $1", 7)
    if status == "draft":
        ex(a, "UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", 7)
    final = ex(m, "SELECT status FROM posts WHERE id = 7")[0][0][0]
    expect(final == "published", "expected the stale decision to publish, got %r" % final)
    return "the archived post was published"


# --- (b) the rewrites are race-free ------------------------------------------

@claim(D, "pg-cti-rewrite", "the printed ON CONFLICT rewrite, backed by the UNIQUE constraint it names, "
       "leaves one row and no error even while the first inserter's transaction is open",
       "check-then-insert/libpq-ntuples-zero.cpp")
def pg_cti_rewrite(ctx):
    sql = rewrite_of(ctx, "check-then-insert/libpq-ntuples-zero.cpp", CTI)
    expect("ON CONFLICT (email) DO NOTHING" in sql, "unexpected rewrite %r" % sql)
    m = table(ctx, "CREATE TABLE users (id serial PRIMARY KEY, email text, UNIQUE (email))")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    ex(a, "BEGIN")
    _, na = ex(a, sql, "ada@example.com")
    call = Async(lambda: ex(b, sql, "ada@example.com"))
    ctx.pg_wait_blocked(b)
    ex(a, "COMMIT")
    _, nb = call.get()
    n = ex(m, "SELECT count(*) FROM users")[0][0][0]
    expect((na, nb, n) == (1, 0, 1), "affected rows A=%d B=%d, rows=%d (want 1, 0, 1)" % (na, nb, n))
    return "%s: A 1 row, B waited then 0 rows, table 1 row" % sql


@claim(D, "pg-uuv-rewrite", "the printed rewrite for the unhandled unique violation raises no error, and "
       "the affected-row count tells the new row (1) from the existing one (0)",
       "unhandled-unique-violation/libpq-ddl-in-code-unique-column.cpp")
def pg_uuv_rewrite(ctx):
    sql = rewrite_of(ctx, "unhandled-unique-violation/libpq-ddl-in-code-unique-column.cpp", UUV)
    m = table(ctx, "CREATE TABLE members (id serial PRIMARY KEY, email text UNIQUE, name text)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    expect(ex(a, "SELECT 1 FROM members WHERE email = $1", "x@example.com")[0] == [], "A: absent")
    expect(ex(b, "SELECT 1 FROM members WHERE email = $1", "x@example.com")[0] == [], "B: absent")
    _, na = ex(a, sql, "x@example.com", "A")
    _, nb = ex(b, sql, "x@example.com", "B")
    n = ex(m, "SELECT count(*) FROM members")[0][0][0]
    expect((na, nb, n) == (1, 0, 1), "affected rows A=%d B=%d, rows=%d (want 1, 0, 1)" % (na, nb, n))
    return sql


@claim(D, "pg-rmw-rewrite", "the printed self-relative UPDATE loses no update: the second writer waits, "
       "then applies its change to the committed value", "read-modify-write/libpq-balance-params-array.cpp")
def pg_rmw_rewrite(ctx):
    sql = rewrite_of(ctx, "read-modify-write/libpq-balance-params-array.cpp", RMW)
    expect("balance = balance - $2" in sql, "unexpected rewrite %r" % sql)
    m = table(ctx, "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)")
    ex(m, "INSERT INTO accounts VALUES (7, 100)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    ex(a, "BEGIN")
    ex(a, sql, 7, 30)
    call = Async(lambda: ex(b, sql, 7, 50))
    ctx.pg_wait_blocked(b)
    ex(a, "COMMIT")
    call.get()
    final = ex(m, "SELECT balance FROM accounts WHERE id = 7")[0][0][0]
    expect(final == 20, "expected 20, got %d" % final)
    return "%s: 100 - 30 - 50 = 20" % sql


@claim(D, "pg-ctu-guarded", "the guarded UPDATE the check-then-update note asks for (restate the state in "
       "WHERE, check the count) changes 0 rows for the stale client", "check-then-update/libpq-publish-draft-std-string.cpp")
def pg_ctu_guarded(ctx):
    f = ctx.report("check-then-update/libpq-publish-draft-std-string.cpp").only(CTU)
    expect(any(n.startswith("restate the condition in the UPDATE's WHERE") for n in f.notes), "note missing: %s" % f.notes)
    m = table(ctx, "CREATE TABLE posts (id int PRIMARY KEY, status text, published_at timestamptz)")
    ex(m, "INSERT INTO posts VALUES (7, 'draft', NULL)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    status = ex(a, "SELECT status FROM posts WHERE id = $1", 7)[0][0][0]
    ex(b, "UPDATE posts SET status = 'archived' WHERE id = $1", 7)
    _, n = ex(a, "UPDATE posts SET status = 'published', published_at = now() WHERE id = $1 AND status = $2", 7, status)
    final = ex(m, "SELECT status FROM posts WHERE id = 7")[0][0][0]
    expect(n == 0 and final == "archived", "guarded update changed %d rows, status %r" % (n, final))
    return "0 rows changed, the post stays archived"


@claim(D, "pg-stress", "stress: 4 threads x 60 keys through the printed ON CONFLICT rewrite give no duplicate, "
       "and 4 x 60 self-relative updates give the exact total", "check-then-insert/libpq-ntuples-zero.cpp")
def pg_stress(ctx):
    ins = rewrite_of(ctx, "check-then-insert/libpq-ntuples-zero.cpp", CTI)
    upd = rewrite_of(ctx, "read-modify-write/libpq-balance-params-array.cpp", RMW)
    m = table(ctx, "CREATE TABLE users (id serial PRIMARY KEY, email text, UNIQUE (email))")
    ex(m, "DROP TABLE IF EXISTS accounts")
    ex(m, "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)")
    ex(m, "INSERT INTO accounts VALUES (7, 100000)")
    threads, iters = 4, 60
    conns = [ctx.pg_connect() for _ in range(threads)]
    inserted = [0] * threads

    def work(t, i):
        ex(conns[t], "SELECT 1 FROM users WHERE email = $1", "u%d" % i)
        inserted[t] += ex(conns[t], ins, "u%d" % i)[1]
        ex(conns[t], upd, 7, 1)
    errors = run_stress(threads, iters, work)
    expect(not errors, "; ".join(errors[:3]))
    rows, dups = ex(m, "SELECT count(*), count(*) - count(DISTINCT email) FROM users")[0][0]
    bal = ex(m, "SELECT balance FROM accounts WHERE id = 7")[0][0][0]
    expect(rows == iters and dups == 0 and sum(inserted) == iters,
           "rows=%d duplicates=%d inserted=%d (want %d, 0, %d)" % (rows, dups, sum(inserted), iters, iters))
    expect(bal == 100000 - threads * iters, "balance %d, want %d" % (bal, 100000 - threads * iters))
    return "%d rows, 0 duplicates; balance exact after %d decrements" % (rows, threads * iters)


# --- (c) why nothing else protects ---------------------------------------------

@claim(D, "pg-for-update-missing-row", "'SELECT ... FOR UPDATE locks no row when none matches, so another "
       "client's INSERT is not blocked': neither the second FOR UPDATE nor its INSERT waits, and 2 rows result",
       "check-then-insert/libpq-for-update-check.cpp")
def pg_for_update(ctx):
    f = ctx.report("check-then-insert/libpq-for-update-check.cpp").only(CTI)
    expect("SELECT ... FOR UPDATE locks no row when none matches, so another client's INSERT is not blocked"
           in f.notes, "sqlrace's reason changed: %s" % f.notes)
    m = table(ctx, "CREATE TABLE coupon_claims (code text, user_id int)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    q = "SELECT 1 FROM coupon_claims WHERE code = $1 AND user_id = $2 FOR UPDATE"
    ins = "INSERT INTO coupon_claims(code, user_id) VALUES ($1, $2)"
    ex(a, "BEGIN")
    ex(b, "BEGIN")
    expect(ex(a, q, "SPRING", 5)[0] == [], "A: absent")
    expect(Async(lambda: ex(b, q, "SPRING", 5)).get(timeout=3)[0] == [], "B: absent, and not blocked")
    ex(a, ins, "SPRING", 5)
    Async(lambda: ex(b, ins, "SPRING", 5)).get(timeout=3)
    ex(a, "COMMIT")
    ex(b, "COMMIT")
    n = ex(m, "SELECT count(*) FROM coupon_claims")[0][0][0]
    expect(n == 2, "expected 2 rows, got %d" % n)
    return "B's FOR UPDATE and INSERT returned at once; 2 rows"


def _isolation_race(ctx, level):
    m = table(ctx, "CREATE TABLE slugs (slug text, post_id int)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    errors = []
    for c in (a, b):
        ex(c, "BEGIN ISOLATION LEVEL %s" % level)
    for c in (a, b):
        expect(ex(c, "SELECT post_id FROM slugs WHERE slug = $1", "hello")[0] == [], "absent")
    for c, post in ((a, 1), (b, 2)):
        try:
            ex(c, "INSERT INTO slugs(slug, post_id) VALUES ($1, $2)", "hello", post)
            ex(c, "COMMIT")
        except Exception as e:
            errors.append(pgcode(e))
            ex(c, "ROLLBACK")
    return ex(m, "SELECT count(*) FROM slugs")[0][0][0], errors


@claim(D, "pg-weak-isolation", "'the transaction runs below SERIALIZABLE, which does not stop another client "
       "from inserting the same row': at READ COMMITTED (plain BEGIN) and REPEATABLE READ both commit, 2 rows",
       "check-then-insert/libpq-plain-begin.cpp")
def pg_weak_isolation(ctx):
    want = ("the transaction runs below SERIALIZABLE, which does not stop another client from inserting the "
            "same row")
    for rel in ("check-then-insert/libpq-plain-begin.cpp", "check-then-insert/libpqxx-repeatable-read.cpp"):
        f = ctx.report(rel).only(CTI)
        expect(want in f.notes, "%s: reason changed: %s" % (rel, f.notes))
    out = []
    for level in ("READ COMMITTED", "REPEATABLE READ"):
        n, errors = _isolation_race(ctx, level)
        expect(n == 2 and not errors, "%s: rows=%d errors=%s (want 2 rows, no error)" % (level, n, errors))
        out.append("%s: 2 rows" % level)
    return ", ".join(out)


@claim(D, "pg-serializable-40001", "SERIALIZABLE (reported as safe) makes one of the two transactions fail "
       "with 40001, leaving one row", "check-then-insert/libpq-clean-serializable-begin.cpp")
def pg_serializable(ctx):
    rep = ctx.report("check-then-insert/libpq-clean-serializable-begin.cpp")
    expect(rep.findings == [], "sqlrace reports the SERIALIZABLE case: %s" % [f.message for f in rep.findings])
    n, errors = _isolation_race(ctx, "SERIALIZABLE")
    expect(n == 1 and errors == ["40001"], "rows=%d errors=%s (want 1 row, one 40001)" % (n, errors))
    return "1 row, the other transaction got 40001"


@claim(D, "pg-rmw-repeatable-read", "REPEATABLE READ (reported as safe for read-modify-write in PostgreSQL) "
       "turns the lost update into 40001 for the second writer", "read-modify-write/libpq-clean-repeatable-read-begin.cpp")
def pg_rmw_rr(ctx):
    rep = ctx.report("read-modify-write/libpq-clean-repeatable-read-begin.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    m = table(ctx, "CREATE TABLE members (id int PRIMARY KEY, points int NOT NULL)")
    ex(m, "INSERT INTO members VALUES (1, 10)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    ex(a, "BEGIN ISOLATION LEVEL REPEATABLE READ")
    ex(b, "BEGIN ISOLATION LEVEL REPEATABLE READ")
    va = ex(a, "SELECT points FROM members WHERE id = $1", 1)[0][0][0]
    vb = ex(b, "SELECT points FROM members WHERE id = $1", 1)[0][0][0]
    ex(a, "UPDATE members SET points = $2 WHERE id = $1", 1, va + 5)
    call = Async(lambda: ex(b, "UPDATE members SET points = $2 WHERE id = $1", 1, vb + 3))
    ctx.pg_wait_blocked(b)
    ex(a, "COMMIT")
    err = call.error()
    expect(err is not None and pgcode(err) == "40001", "B should get 40001, got %r" % (err,))
    ex(b, "ROLLBACK")
    final = ex(m, "SELECT points FROM members WHERE id = 1")[0][0][0]
    expect(final == 15, "points %d, want 15" % final)
    return "B waited, then 40001; A's +5 kept"


@claim(D, "pg-rmw-for-update", "SELECT ... FOR UPDATE in the writing transaction (reported as safe) makes the "
       "second reader wait and read the new value", "read-modify-write/libpq-clean-for-update-in-transaction.cpp")
def pg_rmw_for_update(ctx):
    rep = ctx.report("read-modify-write/libpq-clean-for-update-in-transaction.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    m = table(ctx, "CREATE TABLE accounts (id int PRIMARY KEY, balance_cents int NOT NULL)")
    ex(m, "INSERT INTO accounts VALUES (7, 100)")
    a, b = ctx.pg_connect(), ctx.pg_connect()
    q = "SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE"
    ex(a, "BEGIN")
    ex(b, "BEGIN")
    va = ex(a, q, 7)[0][0][0]
    call = Async(lambda: ex(b, q, 7)[0][0][0])
    ctx.pg_wait_blocked(b)
    ex(a, "UPDATE accounts SET balance_cents = $1 WHERE id = $2", va - 30, 7)
    ex(a, "COMMIT")
    vb = call.get()
    ex(b, "UPDATE accounts SET balance_cents = $1 WHERE id = $2", vb - 50, 7)
    ex(b, "COMMIT")
    final = ex(m, "SELECT balance_cents FROM accounts WHERE id = 7")[0][0][0]
    expect(vb == 70 and final == 20, "B read %d, final %d (want 70, 20)" % (vb, final))
    return "B waited, read 70, final 20"


@claim(D, "pg-advisory-autocommit", "'the lock was taken outside a transaction and released at the end of its "
       "own statement': pg_advisory_xact_lock in autocommit does not block a second client",
       "check-then-insert/libpq-advisory-lock-autocommit.cpp")
def pg_advisory_autocommit(ctx):
    f = ctx.report("check-then-insert/libpq-advisory-lock-autocommit.cpp").only(CTI)
    expect(any(n.startswith("the lock was taken outside a transaction") for n in f.notes),
           "reason changed: %s" % f.notes)
    a, b = ctx.pg_connect(), ctx.pg_connect()
    ex(a, "SELECT pg_advisory_xact_lock(hashtext($1))", "signup:x")
    got = Async(lambda: ex(b, "SELECT pg_try_advisory_xact_lock(hashtext($1))", "signup:x")).get(3)
    expect(got[0][0][0] is True, "B could not take the lock")
    return "B took the same lock at once"
