//! The ledger in the database: posting balanced transactions (once per source), reversing
//! them, balances, and the consistency check. Rows are append-only (the migration's
//! triggers refuse UPDATE and DELETE), so this module only inserts and reads.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};

use crate::db::DbConn;
use crate::db::schema::{ledger_entries, ledger_transactions};
use crate::ids::{LedgerEntryId, LedgerTransactionId};
use crate::payments::ledger::{self, Account, AccountKind, LedgerError, Posting, Transaction};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ledger_transactions)]
pub struct TransactionRow {
    pub id: String,
    pub kind: String,
    pub description: String,
    pub source_type: String,
    pub source_id: String,
    pub reverses: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ledger_entries)]
pub struct EntryRow {
    pub account_kind: String,
    pub owner_id: Option<String>,
    pub currency: String,
    pub amount: i64,
}

/// What caused a transaction; one transaction of a kind per source.
pub struct Source<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error(transparent)]
    Invalid(#[from] LedgerError),
    /// The source already has a transaction of this kind with other postings, or one
    /// that was reversed: a correction needs its own source.
    #[error("{0}")]
    Conflict(String),
    #[error("ledger transaction {0} not found")]
    NotFound(String),
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

impl From<PostError> for crate::error::AppError {
    fn from(e: PostError) -> Self {
        match e {
            PostError::Conflict(m) => crate::error::AppError::conflict(m),
            PostError::NotFound(id) => {
                crate::error::AppError::not_found(format!("ledger transaction {id} not found"))
            }
            other => crate::error::AppError::internal(other),
        }
    }
}

/// An existing transaction for the same source is the same movement (a retried step)
/// only if it has the same postings and was not reversed since.
fn same_movement(conn: &mut DbConn, existing: &str, t: &Transaction) -> Result<(), PostError> {
    let key = |p: &Posting| {
        (
            p.account.kind.as_str().to_owned(),
            p.account.owner.clone(),
            p.currency.clone(),
            p.amount,
        )
    };
    let mut have: Vec<_> = entries_of(conn, existing)?
        .iter()
        .filter_map(to_posting)
        .map(|p| key(&p))
        .collect();
    let mut want: Vec<_> = t.postings.iter().map(key).collect();
    have.sort();
    want.sort();
    if have != want {
        return Err(PostError::Conflict(format!(
            "{} was already posted for this source with other amounts; post a correction \
             under its own source",
            t.kind
        )));
    }
    let reversed: i64 = ledger_transactions::table
        .filter(ledger_transactions::reverses.eq(existing))
        .count()
        .get_result(conn)?;
    if reversed > 0 && t.kind != "reversal" {
        return Err(PostError::Conflict(format!(
            "{} for this source was reversed; post it again under a new source",
            t.kind
        )));
    }
    Ok(())
}

/// The outcome of [`post`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    New(String),
    /// The source already had a transaction of this kind (a retried step): nothing new.
    Existing(String),
}

impl Posted {
    pub fn id(&self) -> &str {
        match self {
            Posted::New(id) | Posted::Existing(id) => id,
        }
    }
}

/// The id of the transaction of `kind` posted for a source, if any.
pub fn find_by_source(
    conn: &mut DbConn,
    kind: &str,
    source: &Source<'_>,
) -> QueryResult<Option<String>> {
    ledger_transactions::table
        .filter(ledger_transactions::kind.eq(kind))
        .filter(ledger_transactions::source_type.eq(source.kind))
        .filter(ledger_transactions::source_id.eq(source.id))
        .select(ledger_transactions::id)
        .first(conn)
        .optional()
}

fn insert(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &Transaction,
    description: &str,
    source: &Source<'_>,
    reverses: Option<&str>,
    created_by: Option<&str>,
) -> Result<Posted, PostError> {
    ledger::validate(t)?;
    if let Some(id) = find_by_source(conn, &t.kind, source)? {
        same_movement(conn, &id, t)?;
        return Ok(Posted::Existing(id));
    }
    let id = LedgerTransactionId::new(now);
    let at = now.naive_utc();
    // A savepoint, so a concurrent duplicate (unique index) leaves the caller's
    // transaction usable on PostgreSQL.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(ledger_transactions::table)
            .values((
                ledger_transactions::id.eq(id.as_str()),
                ledger_transactions::kind.eq(&t.kind),
                ledger_transactions::description.eq(description),
                ledger_transactions::source_type.eq(source.kind),
                ledger_transactions::source_id.eq(source.id),
                ledger_transactions::reverses.eq(reverses),
                ledger_transactions::created_by.eq(created_by),
                ledger_transactions::created_at.eq(at),
            ))
            .execute(conn)?;
        for p in &t.postings {
            diesel::insert_into(ledger_entries::table)
                .values((
                    ledger_entries::id.eq(LedgerEntryId::new(now).as_str()),
                    ledger_entries::transaction_id.eq(id.as_str()),
                    ledger_entries::account_kind.eq(p.account.kind.as_str()),
                    ledger_entries::owner_id.eq(p.account.owner.as_deref()),
                    ledger_entries::currency.eq(&p.currency),
                    ledger_entries::amount.eq(p.amount),
                    ledger_entries::created_at.eq(at),
                ))
                .execute(conn)?;
        }
        diesel::QueryResult::Ok(())
    });
    match inserted {
        Ok(()) => Ok(Posted::New(id.to_string())),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => match find_by_source(conn, &t.kind, source)? {
            Some(existing) => {
                same_movement(conn, &existing, t)?;
                Ok(Posted::Existing(existing))
            }
            None => Err(PostError::Database(diesel::result::Error::NotFound)),
        },
        Err(e) => Err(e.into()),
    }
}

/// Posts a balanced transaction for `source`, once: posting the same kind for the same
/// source again returns the existing transaction.
pub fn post(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    t: &Transaction,
    description: &str,
    source: &Source<'_>,
    created_by: Option<&str>,
) -> Result<Posted, PostError> {
    insert(conn, now, t, description, source, None, created_by)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<TransactionRow>> {
    ledger_transactions::table
        .find(id)
        .select(TransactionRow::as_select())
        .first(conn)
        .optional()
}

pub fn entries_of(conn: &mut DbConn, transaction: &str) -> QueryResult<Vec<EntryRow>> {
    ledger_entries::table
        .filter(ledger_entries::transaction_id.eq(transaction))
        .order_by(ledger_entries::id.asc())
        .select(EntryRow::as_select())
        .load(conn)
}

fn to_posting(e: &EntryRow) -> Option<Posting> {
    Some(Posting {
        account: Account {
            kind: AccountKind::parse(&e.account_kind)?,
            owner: e.owner_id.clone(),
        },
        currency: e.currency.clone(),
        amount: e.amount,
    })
}

/// Reverses a transaction (once): a new transaction with every entry negated.
pub fn reverse(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    transaction: &str,
    description: &str,
    created_by: Option<&str>,
) -> Result<Posted, PostError> {
    if find(conn, transaction)?.is_none() {
        return Err(PostError::NotFound(transaction.to_owned()));
    }
    let original = Transaction {
        kind: String::new(),
        postings: entries_of(conn, transaction)?
            .iter()
            .filter_map(to_posting)
            .collect(),
    };
    let r = ledger::reverse(&original);
    insert(
        conn,
        now,
        &r,
        description,
        &Source {
            kind: "ledger_transaction",
            id: transaction,
        },
        Some(transaction),
        created_by,
    )
}

/// One account's balance in one currency: (account kind, owner, currency, balance).
pub type BalanceRow = (String, Option<String>, String, i64);

/// Balances per (account kind, owner, currency), optionally of one kind and owner.
pub fn balances(
    conn: &mut DbConn,
    kind: Option<AccountKind>,
    owner: Option<&str>,
) -> QueryResult<Vec<BalanceRow>> {
    let mut q = ledger_entries::table
        .group_by((
            ledger_entries::account_kind,
            ledger_entries::owner_id,
            ledger_entries::currency,
        ))
        .select((
            ledger_entries::account_kind,
            ledger_entries::owner_id,
            ledger_entries::currency,
            sql::<BigInt>("CAST(SUM(amount) AS BIGINT)"),
        ))
        .order_by((
            ledger_entries::account_kind.asc(),
            ledger_entries::owner_id.asc(),
            ledger_entries::currency.asc(),
        ))
        .into_boxed();
    if let Some(k) = kind {
        q = q.filter(ledger_entries::account_kind.eq(k.as_str()));
    }
    if let Some(o) = owner {
        q = q.filter(ledger_entries::owner_id.eq(o.to_owned()));
    }
    q.load(conn)
}

/// The consistency check's findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Check {
    pub transactions: i64,
    pub entries: i64,
    /// (transaction, currency, sum) for every currency of a transaction that does not
    /// sum to zero.
    pub unbalanced: Vec<(String, String, i64)>,
    /// Transactions with fewer than two entries.
    pub incomplete: Vec<String>,
}

impl Check {
    pub fn ok(&self) -> bool {
        self.unbalanced.is_empty() && self.incomplete.is_empty()
    }
}

/// Verifies that every transaction balances in every currency and has at least two
/// entries.
pub fn check(conn: &mut DbConn) -> QueryResult<Check> {
    let transactions: i64 = ledger_transactions::table.count().get_result(conn)?;
    let entries: i64 = ledger_entries::table.count().get_result(conn)?;
    let unbalanced = ledger_entries::table
        .group_by((ledger_entries::transaction_id, ledger_entries::currency))
        .having(sql::<Bool>("SUM(amount) <> 0"))
        .select((
            ledger_entries::transaction_id,
            ledger_entries::currency,
            sql::<BigInt>("CAST(SUM(amount) AS BIGINT)"),
        ))
        .order_by(ledger_entries::transaction_id.asc())
        .load(conn)?;
    // One statement, so a transaction committed meanwhile is seen whole or not at all.
    let incomplete: Vec<String> = ledger_transactions::table
        .left_join(
            ledger_entries::table.on(ledger_entries::transaction_id.eq(ledger_transactions::id)),
        )
        .group_by(ledger_transactions::id)
        .having(sql::<Bool>("COUNT(ledger_entries.id) < 2"))
        .select(ledger_transactions::id)
        .order_by(ledger_transactions::id.asc())
        .load(conn)?;
    Ok(Check {
        transactions,
        entries,
        unbalanced,
        incomplete,
    })
}
