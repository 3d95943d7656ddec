package cn.liftcare.ledger.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Books;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/** The books as pages: the trial balance on a date, and an account's statement over a period; both as Excel too. */
@Controller
@PreAuthorize(LedgerReaders.ROLES)
class LedgerPageController {

    private final Books books;
    private final AccountNames names;
    private final LedgerWorkbooks workbooks;
    private final MessageSource messages;
    private final LiftCareTime time;

    LedgerPageController(Books books, AccountNames names, LedgerWorkbooks workbooks, MessageSource messages,
            LiftCareTime time) {
        this.books = books;
        this.names = names;
        this.workbooks = workbooks;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/ledger")
    String trialBalance(Scope scope, @RequestParam(required = false) String asOf, Model model, Locale locale) {
        Long readable = LedgerReaders.books(scope);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = time.today();
        try {
            date = LedgerReaders.date("asOf", asOf, date);
        }
        catch (ValidationFailedException e) {
            errors.putAll(byField(e, locale));
        }
        Books.TrialBalance trial = books.trialBalance(date, readable);
        model.addAttribute("asOf", errors.isEmpty() ? date.toString() : asOf);
        model.addAttribute("trial", trial);
        model.addAttribute("names", names.of(trial.rows().stream().map(r -> AccountRef.parse(r.accountCode())).toList(),
                locale));
        model.addAttribute("allBooks", readable == null);
        model.addAttribute("errors", errors);
        return "ledger/trial-balance";
    }

    @GetMapping("/ledger/trial-balance.xlsx")
    void trialBalanceWorkbook(Scope scope, @RequestParam(required = false) String asOf, HttpServletResponse response)
            throws IOException {
        Long readable = LedgerReaders.books(scope);
        Books.TrialBalance trial = books.trialBalance(LedgerReaders.date("asOf", asOf, time.today()), readable);
        LedgerWorkbooks.attachment(response, "trial-balance-" + trial.asOf() + ".xlsx");
        workbooks.trialBalance(trial, response.getOutputStream());
    }

    @GetMapping("/ledger/accounts/{code}")
    String statement(Scope scope, @PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, Locale locale) {
        AccountRef account = readable(scope, code);
        Map<String, String> errors = new LinkedHashMap<>();
        LedgerReaders.Period period;
        try {
            period = LedgerReaders.period(from, to, time.today());
        }
        catch (ValidationFailedException e) {
            errors.putAll(byField(e, locale));
            period = LedgerReaders.period(null, null, time.today());
        }
        Books.Statement statement = books.statement(account, period.from(), period.to());
        model.addAttribute("account", account);
        model.addAttribute("name", names.of(account, locale));
        model.addAttribute("statement", statement);
        model.addAttribute("totalDebits", statement.lines().stream().map(Books.StatementLine::debit)
                .reduce(Money.ZERO, Money::plus));
        model.addAttribute("totalCredits", statement.lines().stream().map(Books.StatementLine::credit)
                .reduce(Money.ZERO, Money::plus));
        model.addAttribute("from", errors.containsKey("from") ? from : period.from().toString());
        model.addAttribute("to", errors.containsKey("to") ? to : period.to().toString());
        model.addAttribute("errors", errors);
        return "ledger/statement";
    }

    @GetMapping("/ledger/accounts/{code}/statement.xlsx")
    void statementWorkbook(Scope scope, @PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        AccountRef account = readable(scope, code);
        LedgerReaders.Period period = LedgerReaders.period(from, to, time.today());
        Books.Statement statement = books.statement(account, period.from(), period.to());
        LedgerWorkbooks.attachment(response, "statement-" + account.code() + "-" + period.from() + "-" + period.to()
                + ".xlsx");
        workbooks.statement(statement, account, response.getOutputStream());
    }

    private AccountRef readable(Scope scope, String code) {
        Long readable = LedgerReaders.books(scope);
        return books.account(code, readable).orElseThrow(() -> new NotFoundException("ledger account", code));
    }

    private Map<String, String> byField(ValidationFailedException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : e.violations()) {
            errors.putIfAbsent(v.field(), messages.getMessage(v.messageKey(), v.argsArray(), v.messageKey(), locale));
        }
        return errors;
    }
}
