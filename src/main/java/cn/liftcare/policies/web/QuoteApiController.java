package cn.liftcare.policies.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liftcare.identity.Scope;
import cn.liftcare.policies.Product;
import cn.liftcare.policies.Products;
import cn.liftcare.policies.Quoting;

@RestController
@Tag(name = "Policies", description = "电梯养老综合保险: quotes (and, as issue 5 continues, surveys, contracts, policies)")
class QuoteApiController {

    private final Quoting quoting;
    private final Products products;

    QuoteApiController(Quoting quoting, Products products) {
        this.quoting = quoting;
        this.products = products;
    }

    @GetMapping("/api/v1/products")
    @Operation(summary = "The product's versions: sections, limits, deductibles, exclusions, pension share schedule")
    List<Product> products() {
        return products.versions();
    }

    @PostMapping("/api/v1/quotes")
    @Operation(summary = "The premium of each elevator, with its calculation component by component",
            description = "Components: expected maintenance fee, expected part cost, inspection fees, pension "
                    + "contribution; then the experience factor (fault history) and the loading. Uses the rate "
                    + "table in force today and names its version. Elevators outside the caller's scope answer 404.")
    Quoting.Quotation quote(Scope scope, @RequestBody QuoteRequest request) {
        return quoting.quote(scope, request.elevatorIds());
    }

    record QuoteRequest(List<Long> elevatorIds) {
    }
}
