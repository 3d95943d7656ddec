package cn.liftcare.registry.web;

import java.net.URI;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.liftcare.registry.ImportRejectedException;

/** A rejected import as problem+json: every problem with its row, column and message. */
@RestControllerAdvice(annotations = RestController.class)
class RegistryApiProblems {

    private final MessageSource messages;

    RegistryApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        var report = e.report();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("import.rejected", new Object[] {report.problems().size(), report.rows()},
                        LocaleContextHolder.getLocale()));
        problem.setType(URI.create("https://liftcare.cn/problems/import-rejected"));
        problem.setTitle(messages.getMessage("import.rejected.title", null, LocaleContextHolder.getLocale()));
        problem.setProperty("rows", report.rows());
        problem.setProperty("imported", 0);
        problem.setProperty("errors", report.problems().stream()
                .map(p -> Map.of("row", p.row(), "column", p.column(), "message", p.message())).toList());
        return problem;
    }
}
