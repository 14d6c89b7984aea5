package io.branchsync.bench;

import io.branchsync.office.sync.Office;
import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.policy.Policy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills an office's catalog with realistic rows: parameters, services, products (SKU, a description
 * of a few words, a price, mostly active) and persons (name, mostly an e-mail, often a phone). IDs
 * are given explicitly from 1 up, in the office's range. The office's capture is taken off while
 * loading, as if the catalog predated BranchSync, so no change-log rows pile up.
 */
final class CatalogGenerator {
  static final List<String> PRODUCT_COLUMNS =
      List.of("id", "sku", "description", "price", "active", "image", "updated_at");
  static final List<String> PERSON_COLUMNS = List.of("id", "name", "email", "phone", "updated_at");
  private static final String[] ADJECTIVES = {
    "Organic",
    "Fresh",
    "Classic",
    "Premium",
    "Light",
    "Dark",
    "Roasted",
    "Sparkling",
    "Whole",
    "Smoked",
    "Spicy",
    "Sweet",
    "Family",
    "Mini"
  };
  private static final String[] NOUNS = {
    "Coffee Beans",
    "Green Tea",
    "Olive Oil",
    "Rice",
    "Chocolate Bar",
    "Orange Juice",
    "Sardines",
    "Pasta",
    "Cheese",
    "Bread",
    "Yogurt",
    "Honey",
    "Mineral Water",
    "Biscuits",
    "Tomato Sauce",
    "Cereal",
    "Almonds",
    "Butter"
  };
  private static final String[] SIZES = {
    "250 g", "500 g", "1 kg", "330 ml", "1 l", "6 x 1.5 l", "pack of 12", "200 g", "750 ml"
  };
  private static final String[] FIRST = {
    "Ana",
    "Bruno",
    "Carla",
    "Diogo",
    "Eva",
    "Filipe",
    "Gabriela",
    "Hugo",
    "Inês",
    "João",
    "Kátia",
    "Luís",
    "Marta",
    "Nuno",
    "Olga",
    "Pedro"
  };
  private static final String[] LAST = {
    "Silva",
    "Santos",
    "Ferreira",
    "Pereira",
    "Oliveira",
    "Costa",
    "Rodrigues",
    "Martins",
    "Jesus",
    "Sousa",
    "Fernandes",
    "Gonçalves",
    "Müller"
  };
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 8, 0);
  private static final int ROWS_PER_STATEMENT = 1_000;

  private CatalogGenerator() {}

  /**
   * Adds {@code products} products and {@code persons} persons with IDs after {@code firstId - 1},
   * plus parameters and services when {@code withExtras}.
   */
  static void load(Office office, long firstId, int products, int persons, boolean withExtras) {
    Dialect dialect = office.dialect();
    List<String> captured = office.policySet("retail").tables(Policy::pushedOnSync);
    CaptureInstaller capture = new CaptureInstaller(dialect);
    SplittableRandom random = new SplittableRandom(firstId * 31 + products);
    try (Connection c = office.dataSource().getConnection()) {
      capture.uninstall(c, captured);
      try {
        c.setAutoCommit(false);
        if (withExtras) {
          extras(c, dialect);
        }
        products(c, dialect, firstId, products, random);
        persons(c, dialect, firstId, persons, random);
        c.commit();
        c.setAutoCommit(true);
        dialect.setSequenceStart(c, "product", "id", firstId + products);
        dialect.setSequenceStart(c, "person", "id", firstId + persons);
      } finally {
        capture.install(c, captured, true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("loading the office catalog: " + e.getMessage(), e);
    }
  }

  private static void extras(Connection c, Dialect dialect) throws SQLException {
    try (MultiRowInsert parameters =
        new MultiRowInsert(c, dialect, "parameter", List.of("name", "value"), ROWS_PER_STATEMENT)) {
      for (int i = 0; i < 20; i++) {
        parameters.add("setting." + i, "value of setting " + i);
      }
    }
    try (MultiRowInsert services =
        new MultiRowInsert(
            c, dialect, "service", List.of("id", "description", "price"), ROWS_PER_STATEMENT)) {
      for (int i = 1; i <= 100; i++) {
        services.add((long) i, "Service " + i, new BigDecimal(i).setScale(2));
      }
    }
  }

  private static void products(
      Connection c, Dialect dialect, long firstId, int count, SplittableRandom random)
      throws SQLException {
    try (MultiRowInsert insert =
        new MultiRowInsert(c, dialect, "product", PRODUCT_COLUMNS, ROWS_PER_STATEMENT)) {
      for (long id = firstId; id < firstId + count; id++) {
        insert.add(
            id,
            String.format("SKU-%09d", id),
            description(random),
            price(random),
            random.nextInt(20) != 0,
            null,
            EPOCH.plusSeconds(random.nextInt(30_000_000)));
      }
    }
  }

  private static void persons(
      Connection c, Dialect dialect, long firstId, int count, SplittableRandom random)
      throws SQLException {
    try (MultiRowInsert insert =
        new MultiRowInsert(c, dialect, "person", PERSON_COLUMNS, ROWS_PER_STATEMENT)) {
      for (long id = firstId; id < firstId + count; id++) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        insert.add(
            id,
            first + " " + last,
            random.nextInt(5) == 0 ? null : email(first, last, id),
            random.nextInt(3) == 0 ? null : phone(random),
            EPOCH.plusSeconds(random.nextInt(30_000_000)));
      }
    }
  }

  static String description(SplittableRandom random) {
    return ADJECTIVES[random.nextInt(ADJECTIVES.length)]
        + " "
        + NOUNS[random.nextInt(NOUNS.length)]
        + " "
        + SIZES[random.nextInt(SIZES.length)];
  }

  static BigDecimal price(SplittableRandom random) {
    return BigDecimal.valueOf(50 + random.nextInt(50_000), 2);
  }

  static String email(String first, String last, long id) {
    return (first + "." + last + id + "@example.com")
        .toLowerCase(java.util.Locale.ROOT)
        .replace('ê', 'e')
        .replace('á', 'a')
        .replace('ç', 'c')
        .replace('ü', 'u');
  }

  static String phone(SplittableRandom random) {
    return String.format(
        "+351 9%02d %03d %03d", random.nextInt(100), random.nextInt(1000), random.nextInt(1000));
  }
}
