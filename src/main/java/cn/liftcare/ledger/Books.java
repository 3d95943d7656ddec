package cn.liftcare.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.liftcare.shared.Money;

/** The books as read: the trial balance on a date, and an account's statement over a period. */
@Component
public class Books {

    private final JdbcClient jdbc;

    Books(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TrialBalanceRow(String accountCode, AccountKind kind, AccountPurpose purpose, Long ownerId,
            Money debits, Money credits, Money balance) {
    }

    /** Whose books: one organisation's accounts, or (null) all of them. */
    public record TrialBalance(LocalDate asOf, Long ownerId, List<TrialBalanceRow> rows, Money totalDebits,
            Money totalCredits) {

        @JsonProperty("balanced")
        public boolean balanced() {
            return totalDebits.compareTo(totalCredits) == 0;
        }
    }

    public TrialBalance trialBalance(LocalDate asOf, Long ownerId) {
        List<TrialBalanceRow> rows = jdbc.sql("""
                SELECT a.code, a.kind, a.purpose, a.owner_id, sum(l.debit), sum(l.credit) FROM journal_line l
                JOIN journal_entry j ON j.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id
                WHERE j.effective_on <= :asOf AND (CAST(:owner AS BIGINT) IS NULL OR a.owner_id = :owner)
                GROUP BY a.code, a.kind, a.purpose, a.owner_id ORDER BY a.kind, a.code""")
                .param("asOf", Date.valueOf(asOf)).param("owner", ownerId)
                .query((rs, i) -> {
                    AccountKind kind = AccountKind.valueOf(rs.getString(2));
                    Money debits = Money.of(rs.getBigDecimal(5));
                    Money credits = Money.of(rs.getBigDecimal(6));
                    long owner = rs.getLong(4);
                    return new TrialBalanceRow(rs.getString(1), kind, AccountPurpose.valueOf(rs.getString(3)),
                            rs.wasNull() ? null : owner, debits, credits,
                            kind.debitNormal() ? debits.minus(credits) : credits.minus(debits));
                }).list();
        Money debits = rows.stream().map(TrialBalanceRow::debits).reduce(Money.ZERO, Money::plus);
        Money credits = rows.stream().map(TrialBalanceRow::credits).reduce(Money.ZERO, Money::plus);
        return new TrialBalance(asOf, ownerId, rows, debits, credits);
    }

    /** An account as the books hold it, with its debits, credits and balance (on its normal side) as of a date. */
    public record AccountBalance(AccountRef account, AccountKind kind, Money debits, Money credits, Money balance) {

        public String code() {
            return account.code();
        }
    }

    /**
     * The accounts of whose books the caller may read ({@code books}: one organisation, or null for all), optionally
     * only one owner's and one purpose's, each with its balance as of a date; accounts with nothing posted by then
     * show zero.
     */
    public List<AccountBalance> accounts(LocalDate asOf, Long books, Long owner, AccountPurpose purpose) {
        return jdbc.sql("""
                SELECT a.code, a.kind, coalesce(sum(m.debit), 0), coalesce(sum(m.credit), 0) FROM ledger_account a
                LEFT JOIN (SELECT l.account_id, l.debit, l.credit FROM journal_line l
                           JOIN journal_entry j ON j.id = l.entry_id WHERE j.effective_on <= :asOf) m
                       ON m.account_id = a.id
                WHERE (CAST(:books AS BIGINT) IS NULL OR a.owner_id = :books)
                  AND (CAST(:owner AS BIGINT) IS NULL OR a.owner_id = :owner)
                  AND (CAST(:purpose AS VARCHAR) IS NULL OR a.purpose = :purpose)
                GROUP BY a.code, a.kind ORDER BY a.kind, a.code""")
                .param("asOf", Date.valueOf(asOf)).param("books", books).param("owner", owner)
                .param("purpose", purpose == null ? null : purpose.name())
                .query((rs, i) -> {
                    AccountKind kind = AccountKind.valueOf(rs.getString(2));
                    Money debits = Money.of(rs.getBigDecimal(3));
                    Money credits = Money.of(rs.getBigDecimal(4));
                    return new AccountBalance(AccountRef.parse(rs.getString(1)), kind, debits, credits,
                            kind.debitNormal() ? debits.minus(credits) : credits.minus(debits));
                }).list();
    }

    /** The account a code names, if it exists in books the caller may read ({@code books}: null for all). */
    public Optional<AccountRef> account(String code, Long books) {
        return jdbc.sql("""
                SELECT a.code FROM ledger_account a
                WHERE a.code = :code AND (CAST(:books AS BIGINT) IS NULL OR a.owner_id = :books)""")
                .param("code", code == null ? "" : code.strip()).param("books", books)
                .query(String.class).optional().map(AccountRef::parse);
    }

    public record StatementLine(long entryId, LocalDate effectiveOn, String description, Money debit, Money credit,
            Money balance) {
    }

    public record Statement(String accountCode, LocalDate from, LocalDate to, Money opening, List<StatementLine> lines,
            Money closing) {
    }

    /** The account's movements with effective dates in [from, to), with the running balance on its normal side. */
    public Statement statement(AccountRef account, LocalDate from, LocalDate to) {
        boolean debitNormal = account.purpose().kind().debitNormal();
        BigDecimal openingNet = jdbc.sql("""
                SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l JOIN journal_entry j ON j.id = l.entry_id
                JOIN ledger_account a ON a.id = l.account_id WHERE a.code = :code AND j.effective_on < :from""")
                .param("code", account.code()).param("from", Date.valueOf(from)).query(BigDecimal.class).single();
        Money opening = debitNormal ? Money.of(openingNet) : Money.of(openingNet).negate();
        List<StatementLine> lines = new ArrayList<>();
        Money[] running = {opening};
        jdbc.sql("""
                SELECT j.id, j.effective_on, j.description, l.debit, l.credit FROM journal_line l
                JOIN journal_entry j ON j.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id
                WHERE a.code = :code AND j.effective_on >= :from AND j.effective_on < :to
                ORDER BY j.effective_on, j.id, l.line""")
                .param("code", account.code()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> {
                    Money debit = Money.of(rs.getBigDecimal(4));
                    Money credit = Money.of(rs.getBigDecimal(5));
                    running[0] = running[0].plus(debitNormal ? debit.minus(credit) : credit.minus(debit));
                    return lines.add(new StatementLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            debit, credit, running[0]));
                }).list();
        return new Statement(account.code(), from, to, opening, lines, running[0]);
    }
}
