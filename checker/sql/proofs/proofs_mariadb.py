"""MariaDB 10.11 (InnoDB): the races sqlrace reports, its rewrites, and its reasons."""

import re

from harness import Async, claim, expect, mysql_params, rule_codes, run_stress

D = "MariaDB"
CTI = "sqlrace-check-then-insert"
UUV = "sqlrace-unhandled-unique-violation"
RMW = "sqlrace-read-modify-write"
CTU = "sqlrace-check-then-update"
DUP_ENTRY, DEADLOCK, DATA_TOO_LONG, WARN_TRUNCATED = 1062, 1213, 1406, 1265


def ex(conn, sql, *values):
    """Runs one statement; returns (rows or None, affected rows)."""
    text, params = mysql_params(sql, values)
    with conn.cursor() as cur:
        n = cur.execute(text, params)
        rows = list(cur.fetchall()) if cur.description is not None else None
        return rows, n


def errno(e):
    return e.args[0] if getattr(e, "args", None) and isinstance(e.args[0], int) else None


def warnings(conn):
    return [w[1] for w in ex(conn, "SHOW WARNINGS")[0]]


def table(ctx, ddl):
    c = ctx.my_connect()
    ex(c, "DROP TABLE IF EXISTS %s" % ddl.split()[2])
    ex(c, ddl)
    return c


def rewrite_of(ctx, relpath, check):
    f = ctx.report(relpath).only(check)
    rw = f.rewrite()
    expect(rw is not None, "%s: sqlrace printed no atomic rewrite; notes: %s" % (relpath, f.notes))
    expect(rw[0] == "MySQL/MariaDB", "%s: rewrite is for %r" % (relpath, rw[0]))
    return rw[1], rw[2]


# --- (a) the racy patterns go wrong ------------------------------------------

@claim(D, "my-cti-duplicate", "check-then-insert without a unique key stores the row twice",
       "check-then-insert/mysql-num-rows-zero.cpp")
def my_cti_duplicate(ctx):
    ctx.report("check-then-insert/mysql-num-rows-zero.cpp").only(CTI)
    m = table(ctx, "CREATE TABLE subscribers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100), "
                   "list VARCHAR(20)) ENGINE=InnoDB")
    a, b = ctx.my_connect(), ctx.my_connect()
    check = "SELECT id FROM subscribers WHERE email = 'ops@example.com'"
    expect(ex(a, check)[0] == [] and ex(b, check)[0] == [], "both checks should find no row")
    ex(a, "INSERT INTO subscribers(email, list) VALUES ('ops@example.com', 'weekly')")
    ex(b, "INSERT INTO subscribers(email, list) VALUES ('ops@example.com', 'weekly')")
    n = ex(m, "SELECT COUNT(*) FROM subscribers")[0][0][0]
    expect(n == 2, "expected 2 rows, got %d" % n)
    return "2 rows for one email"


@claim(D, "my-uuv-1062", "with a UNIQUE key and no handling, the second INSERT waits for the first "
       "transaction, then fails with error 1062, the code rules/mysql.json expects", "unhandled-unique-violation/mysql-ddl-in-code-unique-key.cpp")
def my_uuv_1062(ctx):
    ctx.report("unhandled-unique-violation/mysql-ddl-in-code-unique-key.cpp").only(UUV)
    table(ctx, "CREATE TABLE tags (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
               "UNIQUE KEY uq_tags_name (name)) ENGINE=InnoDB")
    a, b = ctx.my_connect(), ctx.my_connect()
    check = "SELECT id FROM tags WHERE name = 'urgent'"
    expect(ex(a, check)[0] == [] and ex(b, check)[0] == [], "both checks should find no row")
    ex(a, "START TRANSACTION")
    ex(a, "INSERT INTO tags(name) VALUES ('urgent')")
    call = Async(lambda: ex(b, "INSERT INTO tags(name) VALUES ('urgent')"))
    ctx.my_wait_blocked(b)
    ex(a, "COMMIT")
    err = call.error()
    expect(errno(err) == DUP_ENTRY, "B should fail with 1062, got %r" % (err,))
    expect(DUP_ENTRY in rule_codes("mysql"), "rules/mysql.json does not list 1062")
    return "B blocked on A's uncommitted row, then got 1062 (listed in rules/mysql.json)"


@claim(D, "my-rmw-lost-update-rr", "read-modify-write loses an update, also inside a REPEATABLE READ "
       "transaction (InnoDB's plain SELECT is a snapshot read)", "read-modify-write/mysql-repeatable-read-plain-read.cpp")
def my_rmw_lost(ctx):
    ctx.report("read-modify-write/mysql-repeatable-read-plain-read.cpp").only(RMW)
    m = table(ctx, "CREATE TABLE stock (item_id INT PRIMARY KEY, quantity INT NOT NULL) ENGINE=InnoDB")
    ex(m, "INSERT INTO stock VALUES (3, 10)")
    a, b = ctx.my_connect(), ctx.my_connect()
    for c in (a, b):
        ex(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        ex(c, "START TRANSACTION")
    qa = ex(a, "SELECT quantity FROM stock WHERE item_id = 3")[0][0][0]
    qb = ex(b, "SELECT quantity FROM stock WHERE item_id = 3")[0][0][0]
    ex(a, "UPDATE stock SET quantity = %d WHERE item_id = 3" % (qa + 5))
    ex(a, "COMMIT")
    ex(b, "UPDATE stock SET quantity = %d WHERE item_id = 3" % (qb + 3))
    ex(b, "COMMIT")
    final = ex(m, "SELECT quantity FROM stock WHERE item_id = 3")[0][0][0]
    expect(final == 13, "expected the lost-update result 13, got %d" % final)
    return "10 + 5 + 3 left 13, not 18, with no error"


@claim(D, "my-ctu-stale", "check-then-update acts on a stale state", "check-then-update/mysql-publish-draft-strcmp.cpp")
def my_ctu_stale(ctx):
    ctx.report("check-then-update/mysql-publish-draft-strcmp.cpp").only(CTU)
    m = table(ctx, "CREATE TABLE posts (id INT PRIMARY KEY, status VARCHAR(20), published_at DATETIME) ENGINE=InnoDB")
    ex(m, "INSERT INTO posts VALUES (7, 'draft', NULL)")
    a, b = ctx.my_connect(), ctx.my_connect()
    status = ex(a, "SELECT status FROM posts WHERE id = 7")[0][0][0]
    ex(b, "UPDATE posts SET status = 'archived' WHERE id = 7")
    if status == "draft":
        ex(a, "UPDATE posts SET status = 'published', published_at = NOW() WHERE id = 7")
    final = ex(m, "SELECT status FROM posts WHERE id = 7")[0][0][0]
    expect(final == "published", "got %r" % final)
    return "the archived post was published"


# --- (b) the rewrites are race-free ------------------------------------------

@claim(D, "my-cti-rewrite", "the printed INSERT IGNORE rewrite, backed by the UNIQUE key it names, leaves one "
       "row and no error (the waiter gets 0 rows and warning 1062), and so does the stricter "
       "ON DUPLICATE KEY UPDATE form the note offers", "check-then-insert/mysql-num-rows-zero.cpp")
def my_cti_rewrite(ctx):
    sql, note = rewrite_of(ctx, "check-then-insert/mysql-num-rows-zero.cpp", CTI)
    expect(sql.startswith("INSERT IGNORE INTO subscribers"), "unexpected rewrite %r" % sql)
    m_odku = re.search(r"ON DUPLICATE KEY UPDATE (\w+ = \w+) is stricter", note)
    expect(m_odku is not None, "the note names no ON DUPLICATE KEY UPDATE form: %s" % note)
    odku = sql.replace("INSERT IGNORE INTO", "INSERT INTO", 1) + " ON DUPLICATE KEY UPDATE " + m_odku.group(1)
    out = []
    for form in (sql, odku):
        m = table(ctx, "CREATE TABLE subscribers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100), "
                       "list VARCHAR(20), UNIQUE KEY (email)) ENGINE=InnoDB")
        a, b = ctx.my_connect(), ctx.my_connect()
        ex(a, "START TRANSACTION")
        _, na = ex(a, form)
        call = Async(lambda: ex(b, form))
        ctx.my_wait_blocked(b)
        ex(a, "COMMIT")
        _, nb = call.get()
        n = ex(m, "SELECT COUNT(*) FROM subscribers")[0][0][0]
        expect((na, nb, n) == (1, 0, 1), "%s: affected A=%d B=%d rows=%d (want 1, 0, 1)" % (form, na, nb, n))
        if form is sql:
            expect(DUP_ENTRY in warnings(b), "INSERT IGNORE left no 1062 warning")
        out.append(form)
        ctx.close_connections()
    return "; ".join(out) + ": A 1 row, B waited then 0 rows"


@claim(D, "my-uuv-rewrite", "the printed rewrite for the unhandled 1062 raises no error, and the affected-row "
       "count tells the new row (1) from the existing one (0)",
       "unhandled-unique-violation/mysql-ddl-in-code-unique-key.cpp")
def my_uuv_rewrite(ctx):
    sql, _ = rewrite_of(ctx, "unhandled-unique-violation/mysql-ddl-in-code-unique-key.cpp", UUV)
    m = table(ctx, "CREATE TABLE tags (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL, "
                   "UNIQUE KEY uq_tags_name (name)) ENGINE=InnoDB")
    a, b = ctx.my_connect(), ctx.my_connect()
    check = "SELECT id FROM tags WHERE name = 'urgent'"
    expect(ex(a, check)[0] == [] and ex(b, check)[0] == [], "both checks should find no row")
    _, na = ex(a, sql)
    _, nb = ex(b, sql)
    n = ex(m, "SELECT COUNT(*) FROM tags")[0][0][0]
    expect((na, nb, n) == (1, 0, 1), "affected A=%d B=%d rows=%d (want 1, 0, 1)" % (na, nb, n))
    return sql


@claim(D, "my-insert-ignore-truncates", "'INSERT IGNORE also silences other errors such as truncation': a "
       "too-long value is cut and stored (warning 1265) where INSERT and the ON DUPLICATE KEY UPDATE form fail "
       "with 1406", "check-then-insert/mysql-num-rows-zero.cpp")
def my_insert_ignore_truncates(ctx):
    _, note = rewrite_of(ctx, "check-then-insert/mysql-num-rows-zero.cpp", CTI)
    expect("INSERT IGNORE also silences other errors such as truncation" in note, "note changed: %s" % note)
    m = table(ctx, "CREATE TABLE subscribers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(10), "
                   "list VARCHAR(20), UNIQUE KEY (email)) ENGINE=InnoDB")
    long_email = "much-too-long@example.com"
    codes = []
    for form in ("INSERT INTO subscribers(email, list) VALUES (?, 'weekly')",
                 "INSERT INTO subscribers(email, list) VALUES (?, 'weekly') ON DUPLICATE KEY UPDATE email = email"):
        try:
            ex(m, form, long_email)
            codes.append(None)
        except Exception as e:
            codes.append(errno(e))
    _, n = ex(m, "INSERT IGNORE INTO subscribers(email, list) VALUES (?, 'weekly')", long_email)
    w = warnings(m)
    stored = ex(m, "SELECT email FROM subscribers")[0]
    expect(codes == [DATA_TOO_LONG, DATA_TOO_LONG], "INSERT / ODKU gave %s, want 1406 twice" % codes)
    expect(n == 1 and WARN_TRUNCATED in w and stored == [(long_email[:10],)],
           "INSERT IGNORE: %d rows, warnings %s, stored %s" % (n, w, stored))
    return "stored %r with warning 1265" % stored[0][0]


@claim(D, "my-rmw-self-relative", "the form the read-modify-write note gives (SET points = points + <change>) "
       "loses no update: the second writer waits, then adds to the committed value",
       "read-modify-write/mysql-points-std-string.cpp")
def my_rmw_self_relative(ctx):
    f = ctx.report("read-modify-write/mysql-points-std-string.cpp").only(RMW)
    expect(any("SET points = points + <change>" in n for n in f.notes), "note changed: %s" % f.notes)
    m = table(ctx, "CREATE TABLE customers (id INT PRIMARY KEY, points INT NOT NULL) ENGINE=InnoDB")
    ex(m, "INSERT INTO customers VALUES (1, 10)")
    a, b = ctx.my_connect(), ctx.my_connect()
    upd = "UPDATE customers SET points = points + ? WHERE id = ?"
    ex(a, "START TRANSACTION")
    ex(a, upd, 5, 1)
    call = Async(lambda: ex(b, upd, 3, 1))
    ctx.my_wait_blocked(b)
    ex(a, "COMMIT")
    call.get()
    final = ex(m, "SELECT points FROM customers WHERE id = 1")[0][0][0]
    expect(final == 18, "expected 18, got %d" % final)
    return "10 + 5 + 3 = 18"


@claim(D, "my-ctu-guarded", "the guarded UPDATE (reported as safe) changes 0 rows for the stale client",
       "check-then-update/mysql-clean-guarded-affected-rows.cpp")
def my_ctu_guarded(ctx):
    rep = ctx.report("check-then-update/mysql-clean-guarded-affected-rows.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    m = table(ctx, "CREATE TABLE leave_requests (id INT PRIMARY KEY, state VARCHAR(20)) ENGINE=InnoDB")
    ex(m, "INSERT INTO leave_requests VALUES (4, 'pending')")
    a, b = ctx.my_connect(), ctx.my_connect()
    state = ex(a, "SELECT state FROM leave_requests WHERE id = 4")[0][0][0]
    ex(b, "UPDATE leave_requests SET state = 'withdrawn' WHERE id = 4")
    expect(state == "pending", "read %r" % state)
    _, n = ex(a, "UPDATE leave_requests SET state = 'approved' WHERE id = 4 AND state = 'pending'")
    final = ex(m, "SELECT state FROM leave_requests WHERE id = 4")[0][0][0]
    expect(n == 0 and final == "withdrawn", "guarded update changed %d rows, state %r" % (n, final))
    return "0 rows changed, the request stays withdrawn"


@claim(D, "my-stress", "stress: 4 threads x 60 keys through the printed INSERT IGNORE give no duplicate, and "
       "4 x 60 self-relative updates give the exact total", "check-then-insert/mysql-num-rows-zero.cpp")
def my_stress(ctx):
    sql, _ = rewrite_of(ctx, "check-then-insert/mysql-num-rows-zero.cpp", CTI)
    # The printed rewrite, with its key literal made a parameter so each iteration uses a new key.
    form = sql.replace("'ops@example.com'", "?", 1)
    expect(form != sql, "cannot find the key literal in %r" % sql)
    m = table(ctx, "CREATE TABLE subscribers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100), "
                   "list VARCHAR(20), UNIQUE KEY (email)) ENGINE=InnoDB")
    ex(m, "DROP TABLE IF EXISTS customers")
    ex(m, "CREATE TABLE customers (id INT PRIMARY KEY, points INT NOT NULL) ENGINE=InnoDB")
    ex(m, "INSERT INTO customers VALUES (1, 0)")
    threads, iters = 4, 60
    conns = [ctx.my_connect() for _ in range(threads)]
    inserted = [0] * threads

    def work(t, i):
        ex(conns[t], "SELECT id FROM subscribers WHERE email = ?", "u%d" % i)
        inserted[t] += ex(conns[t], form, "u%d" % i)[1]
        ex(conns[t], "UPDATE customers SET points = points + ? WHERE id = ?", 1, 1)
    errors = run_stress(threads, iters, work)
    expect(not errors, "; ".join(errors[:3]))
    rows, distinct = ex(m, "SELECT COUNT(*), COUNT(DISTINCT email) FROM subscribers")[0][0]
    pts = ex(m, "SELECT points FROM customers WHERE id = 1")[0][0][0]
    expect(rows == iters and distinct == iters and sum(inserted) == iters,
           "rows=%d distinct=%d inserted=%d (want %d)" % (rows, distinct, sum(inserted), iters))
    expect(pts == threads * iters, "points %d, want %d" % (pts, threads * iters))
    return "%d rows, 0 duplicates; counter exact after %d increments" % (rows, threads * iters)


# --- (c) why nothing else protects ---------------------------------------------

def _for_update_race(ctx, level, ddl, select, insert, prefill=None):
    """Two transactions: FOR UPDATE on the missing row, then INSERT. Returns (rows, errnos, B's check blocked)."""
    m = table(ctx, ddl)
    if prefill:
        ex(m, prefill)
    a, b = ctx.my_connect(), ctx.my_connect()
    for c in (a, b):
        ex(c, "SET TRANSACTION ISOLATION LEVEL %s" % level)
        ex(c, "START TRANSACTION")
    expect(ex(a, select)[0] == [], "A: absent")
    expect(Async(lambda: ex(b, select)).get(timeout=3)[0] == [], "B: absent, and its FOR UPDATE did not wait")
    errors = []
    call_a = Async(lambda: ex(a, insert))
    try:
        ctx.my_wait_blocked(a, timeout=1.5)
        a_blocked = True
    except AssertionError:
        a_blocked = False
    err_b = Async(lambda: ex(b, insert)).error(timeout=8)
    err_a = call_a.error(timeout=8)
    for c, err in ((a, err_a), (b, err_b)):
        if err is None:
            ex(c, "COMMIT")
        else:
            errors.append(errno(err))
            ex(c, "ROLLBACK")
    return ex(m, "SELECT COUNT(*) FROM %s" % ddl.split()[2])[0][0][0], errors, a_blocked


@claim(D, "my-gap-lock-deadlock", "'InnoDB's gap lock blocks the other client's insert, but two such transactions "
       "deadlock (error 1213)': at REPEATABLE READ both FOR UPDATEs on the missing row pass, A's INSERT waits for B's "
       "gap lock, B's INSERT deadlocks; one 1213, one row", "check-then-insert/mysql-for-update-gap-lock.cpp")
def my_gap_lock(ctx):
    f = ctx.report("check-then-insert/mysql-for-update-gap-lock.cpp").only(CTI)
    expect(any(n.startswith("InnoDB's gap lock blocks the other client's insert, but two such transactions "
                            "deadlock (error 1213)") for n in f.notes), "reason changed: %s" % f.notes)
    n, errors, a_blocked = _for_update_race(
        ctx, "REPEATABLE READ", "CREATE TABLE handles (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64), "
        "KEY (name)) ENGINE=InnoDB", "SELECT id FROM handles WHERE name = 'ada' FOR UPDATE",
        "INSERT INTO handles(name) VALUES ('ada')", prefill="INSERT INTO handles(name) VALUES ('bob'), ('zed')")
    expect(a_blocked and errors == [DEADLOCK] and n == 3,
           "A's insert blocked=%s, errors=%s, rows=%d (want blocked, one 1213, 3 rows incl. 2 others)"
           % (a_blocked, errors, n))
    return "A's INSERT waited, B's deadlocked: one 1213, one 'ada' row"


@claim(D, "my-gap-lock-no-index", "the 1213 reason assumes an index on the checked column: without one, the "
       "FOR UPDATE locks every row of the (non-empty) table, so the second check waits for the first COMMIT, then "
       "sees the row; no deadlock, no duplicate", "check-then-insert/mysql-for-update-gap-lock.cpp")
def my_gap_lock_no_index(ctx):
    m = table(ctx, "CREATE TABLE handles (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB")
    ex(m, "INSERT INTO handles(name) VALUES ('bob'), ('zed')")
    a, b = ctx.my_connect(), ctx.my_connect()
    q = "SELECT id FROM handles WHERE name = 'ada' FOR UPDATE"
    ex(a, "START TRANSACTION")
    ex(b, "START TRANSACTION")
    expect(ex(a, q)[0] == [], "A: absent")
    call = Async(lambda: ex(b, q)[0])
    ctx.my_wait_blocked(b)
    ex(a, "INSERT INTO handles(name) VALUES ('ada')")
    ex(a, "COMMIT")
    seen = call.get()
    ex(b, "COMMIT")
    n = ex(m, "SELECT COUNT(*) FROM handles WHERE name = 'ada'")[0][0][0]
    expect(len(seen) == 1 and n == 1, "B saw %s, 'ada' rows %d (want 1 and 1)" % (seen, n))
    return "B's check waited for A's COMMIT and saw A's row: no 1213"


@claim(D, "my-for-update-read-committed", "'inside [a transaction] at READ COMMITTED it takes no gap lock': "
       "nothing waits and both rows are stored", "check-then-insert/mysql-for-update-read-committed.cpp")
def my_for_update_rc(ctx):
    f = ctx.report("check-then-insert/mysql-for-update-read-committed.cpp").only(CTI)
    expect(any(n.startswith("SELECT ... FOR UPDATE outside a transaction locks nothing; inside one at READ "
                            "COMMITTED it takes no gap lock") for n in f.notes), "reason changed: %s" % f.notes)
    n, errors, a_blocked = _for_update_race(
        ctx, "READ COMMITTED", "CREATE TABLE invite_claims (id INT AUTO_INCREMENT PRIMARY KEY, "
        "invite_code VARCHAR(10), user_id INT, KEY (invite_code)) ENGINE=InnoDB",
        "SELECT id FROM invite_claims WHERE invite_code = 'Q7X2' FOR UPDATE",
        "INSERT INTO invite_claims(invite_code, user_id) VALUES ('Q7X2', 5)")
    expect(not a_blocked and errors == [] and n == 2, "blocked=%s errors=%s rows=%d (want no wait, 2 rows)"
           % (a_blocked, errors, n))
    return "no wait, no error, 2 rows"


@claim(D, "my-for-update-autocommit", "'SELECT ... FOR UPDATE outside a transaction locks nothing': after an "
       "autocommit FOR UPDATE, another client's FOR UPDATE NOWAIT on the same row succeeds",
       "check-then-insert/mysql-for-update-read-committed.cpp")
def my_for_update_autocommit(ctx):
    m = table(ctx, "CREATE TABLE invite_claims (id INT AUTO_INCREMENT PRIMARY KEY, invite_code VARCHAR(10), "
                   "user_id INT, KEY (invite_code)) ENGINE=InnoDB")
    ex(m, "INSERT INTO invite_claims(invite_code, user_id) VALUES ('Q7X2', 5)")
    a, b = ctx.my_connect(), ctx.my_connect()
    ex(a, "SELECT id FROM invite_claims WHERE invite_code = 'Q7X2' FOR UPDATE")
    rows = ex(b, "SELECT id FROM invite_claims WHERE invite_code = 'Q7X2' FOR UPDATE NOWAIT")[0]
    expect(len(rows) == 1, "B's NOWAIT read returned %s" % rows)
    return "B locked the row at once"


@claim(D, "my-serializable", "SERIALIZABLE (reported as safe for check-then-insert) stores no duplicate, but "
       "the two transactions deadlock (1213) exactly as the FOR UPDATE case sqlrace reports",
       "check-then-insert/mysql-clean-serializable-next-transaction.cpp")
def my_serializable(ctx):
    rep = ctx.report("check-then-insert/mysql-clean-serializable-next-transaction.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    n, errors, a_blocked = _for_update_race(
        ctx, "SERIALIZABLE", "CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(40), "
        "title VARCHAR(80), KEY (sku)) ENGINE=InnoDB",
        "SELECT 1 FROM products WHERE sku = 'TSHIRT-M-BLUE'",
        "INSERT INTO products(sku, title) VALUES ('TSHIRT-M-BLUE', 'T-shirt M blue')")
    expect(errors == [DEADLOCK] and n == 1, "errors=%s rows=%d (want one 1213, 1 row)" % (errors, n))
    return "1 row; the other transaction got 1213"


@claim(D, "my-rmw-for-update", "SELECT ... FOR UPDATE in the writing transaction (reported as safe) makes the "
       "second reader wait and read the new value", "read-modify-write/mysql-clean-for-update-in-transaction.cpp")
def my_rmw_for_update(ctx):
    rep = ctx.report("read-modify-write/mysql-clean-for-update-in-transaction.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    m = table(ctx, "CREATE TABLE accounts (id INT PRIMARY KEY, balance_cents INT NOT NULL) ENGINE=InnoDB")
    ex(m, "INSERT INTO accounts VALUES (7, 100)")
    a, b = ctx.my_connect(), ctx.my_connect()
    q = "SELECT balance_cents FROM accounts WHERE id = 7 FOR UPDATE"
    ex(a, "START TRANSACTION")
    ex(b, "START TRANSACTION")
    va = ex(a, q)[0][0][0]
    call = Async(lambda: ex(b, q)[0][0][0])
    ctx.my_wait_blocked(b)
    ex(a, "UPDATE accounts SET balance_cents = %d WHERE id = 7" % (va + 30))
    ex(a, "COMMIT")
    vb = call.get()
    ex(b, "UPDATE accounts SET balance_cents = %d WHERE id = 7" % (vb + 50))
    ex(b, "COMMIT")
    final = ex(m, "SELECT balance_cents FROM accounts WHERE id = 7")[0][0][0]
    expect(vb == 130 and final == 180, "B read %d, final %d (want 130, 180)" % (vb, final))
    return "B waited, read 130, final 180"
