package cn.liftcare.ledger.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountKind;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Books;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;

@RestController
@Tag(name = "Ledger", description = "The double-entry books: accounts and balances, trial balance, statements, "
        + "each also as .xlsx. An insurer reads its own books; the regulator and the platform read all, read-only.")
class LedgerApiController {

    private final Books books;
    private final AccountNames names;
    private final LedgerWorkbooks workbooks;
    private final LiftCareTime time;

    LedgerApiController(Books books, AccountNames names, LedgerWorkbooks workbooks, LiftCareTime time) {
        this.books = books;
        this.names = names;
        this.workbooks = workbooks;
        this.time = time;
    }

    @GetMapping("/api/v1/ledger/trial-balance")
    @Operation(summary = "Every account's debits, credits and balance as of a date (default today)",
            description = "An insurer sees its own books; the regulator and the platform see all, read-only.")
    Books.TrialBalance trialBalance(Scope scope, @RequestParam(required = false) String asOf) {
        Long owner = LedgerReaders.books(scope);
        return books.trialBalance(LedgerReaders.date("asOf", asOf, time.today()), owner);
    }

    @GetMapping(value = "/api/v1/ledger/trial-balance.xlsx", produces = LedgerWorkbooks.XLSX)
    @Operation(summary = "The trial balance as .xlsx, with Chinese headers and a totals row")
    void trialBalanceWorkbook(Scope scope, @RequestParam(required = false) String asOf, HttpServletResponse response)
            throws IOException {
        Long owner = LedgerReaders.books(scope);
        Books.TrialBalance trial = books.trialBalance(LedgerReaders.date("asOf", asOf, time.today()), owner);
        LedgerWorkbooks.attachment(response, "trial-balance-" + trial.asOf() + ".xlsx");
        workbooks.trialBalance(trial, response.getOutputStream());
    }

    /** An account, named for people, with its balance as of the date asked. */
    record AccountRow(String code, String label, AccountKind kind, AccountPurpose purpose, Long ownerId,
            String ownerName, Long partyId, String partyName, String qualifier, Money debits, Money credits,
            Money balance) {
    }

    record Accounts(LocalDate asOf, List<AccountRow> accounts) {
    }

    @GetMapping("/api/v1/ledger/accounts")
    @Operation(summary = "The accounts the caller may read, with their balances as of a date (default today)",
            description = "Balances are on each account's normal side (debit for assets and expenses). "
                    + "`purpose` and `owner` narrow the list; an insurer only ever sees its own books.")
    Accounts accounts(Scope scope, @RequestParam(required = false) String asOf,
            @Parameter(description = "an AccountPurpose, e.g. RECEIVABLE") @RequestParam(required = false) String purpose,
            @Parameter(description = "the id of the organisation whose books hold the accounts")
            @RequestParam(required = false) String owner, Locale locale) {
        Long readable = LedgerReaders.books(scope);
        LocalDate date = LedgerReaders.date("asOf", asOf, time.today());
        List<Books.AccountBalance> balances = books.accounts(date, readable, LedgerReaders.owner(owner),
                LedgerReaders.purpose(purpose));
        Map<String, AccountNames.AccountName> labels = names.of(balances.stream().map(Books.AccountBalance::account)
                .toList(), locale);
        return new Accounts(date, balances.stream().map(b -> {
            AccountRef a = b.account();
            AccountNames.AccountName name = labels.get(a.code());
            return new AccountRow(a.code(), name.label(), b.kind(), a.purpose(), a.ownerId(), name.owner(), a.partyId(),
                    name.party(), a.qualifier(), b.debits(), b.credits(), b.balance());
        }).toList());
    }

    /** The account a statement is of. */
    record AccountInfo(String code, String label, AccountKind kind, AccountPurpose purpose, Long ownerId,
            String ownerName, Long partyId, String partyName, String qualifier) {
    }

    record Statement(AccountInfo account, LocalDate from, LocalDate to, Money opening, List<Books.StatementLine> lines,
            Money totalDebits, Money totalCredits, Money closing) {
    }

    @GetMapping("/api/v1/ledger/accounts/{code}/statement")
    @Operation(summary = "An account's movements over [from, to), with the running balance",
            description = "Dates are yyyy-MM-dd; `to` is exclusive. By default the current month. The opening balance "
                    + "is everything before `from`; each line carries the balance after it. An account outside the "
                    + "caller's books answers 404.")
    Statement statement(Scope scope, @PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        AccountRef account = readable(scope, code);
        LedgerReaders.Period period = LedgerReaders.period(from, to, time.today());
        Books.Statement statement = books.statement(account, period.from(), period.to());
        AccountNames.AccountName name = names.of(account, locale);
        Money debits = statement.lines().stream().map(Books.StatementLine::debit).reduce(Money.ZERO, Money::plus);
        Money credits = statement.lines().stream().map(Books.StatementLine::credit).reduce(Money.ZERO, Money::plus);
        return new Statement(new AccountInfo(account.code(), name.label(), account.purpose().kind(), account.purpose(),
                account.ownerId(), name.owner(), account.partyId(), name.party(), account.qualifier()),
                statement.from(), statement.to(), statement.opening(), statement.lines(), debits, credits,
                statement.closing());
    }

    @GetMapping(value = "/api/v1/ledger/accounts/{code}/statement.xlsx", produces = LedgerWorkbooks.XLSX)
    @Operation(summary = "An account's statement as .xlsx, with Chinese headers and the period's totals")
    void statementWorkbook(Scope scope, @PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        AccountRef account = readable(scope, code);
        LedgerReaders.Period period = LedgerReaders.period(from, to, time.today());
        Books.Statement statement = books.statement(account, period.from(), period.to());
        LedgerWorkbooks.attachment(response, "statement-" + account.code() + "-" + period.from() + "-" + period.to()
                + ".xlsx");
        workbooks.statement(statement, account, response.getOutputStream());
    }

    /** The account if the caller may read its books; otherwise, exactly as if it did not exist, 404. */
    private AccountRef readable(Scope scope, String code) {
        Long readable = LedgerReaders.books(scope);
        return books.account(code, readable).orElseThrow(() -> new NotFoundException("ledger account", code));
    }
}
