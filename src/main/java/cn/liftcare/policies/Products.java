package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/** The product versions shipped with the application (resources/policies/product-*.json). */
@Component
public class Products {

    private final Versioned<Product> versions;

    Products() {
        this(Versioned.load("classpath:policies/product-*.json", Product.class));
    }

    Products(List<Product> versions) {
        this.versions = new Versioned<>(versions, Product::effectiveFrom);
    }

    public Product inForceOn(LocalDate day) {
        return versions.inForceOn(day);
    }

    /** The version a policy was written under. */
    public Product version(String version) {
        return versions.all().stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no product version " + version));
    }

    public List<Product> versions() {
        return versions.all();
    }
}
