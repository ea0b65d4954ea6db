# Reference values for 2 x 2 Fisher tests with N = 100,000 (tests/stats/test_fisher_large.py).
#   Rscript tests/reference/fisher_large_2x2.R
# R 4.2.2. fisher.test gives the p-values; its odds ratio and CI come from uniroot() at the
# default tolerance (eps^0.25), so the same equations are also solved here at tol 1e-13 on
# log(psi), with fisher.test's own noncentral hypergeometric (dhyper(log = TRUE) weights,
# normalised as in fisher.test's dnhyper()).
tabs <- list(c(30000, 20000, 25000, 25000), c(50, 49950, 30, 49970))
for (v in tabs) {
  tab <- matrix(v, 2, byrow = TRUE)
  f <- fisher.test(tab)
  fl <- fisher.test(tab, alternative = "less"); fg <- fisher.test(tab, alternative = "greater")
  x <- tab[1, 1]; m <- sum(tab[, 1]); n <- sum(tab[, 2]); k <- sum(tab[1, ])
  support <- max(0L, k - n):min(k, m)
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dn <- function(lp) { d <- logdc + lp * support; d <- exp(d - max(d)); d / sum(d) }
  up <- function(lp) sum(dn(lp)[support >= x]); low <- function(lp) sum(dn(lp)[support <= x])
  root <- function(f) exp(uniroot(f, c(-20, 20), tol = 1e-13)$root)
  cat(sprintf("table %s\n", paste(v, collapse = ",")))
  cat(sprintf("  fisher.test: p %.17g  less %.17g  greater %.17g\n", f$p.value, fl$p.value,
              fg$p.value))
  cat(sprintf("  fisher.test: estimate %.17g  conf.int %.17g %.17g\n", f$estimate,
              f$conf.int[1], f$conf.int[2]))
  cat(sprintf("  tol 1e-13:   mle %.17g  95%% ci %.17g %.17g  one-sided 95%% %.17g %.17g\n",
              root(function(lp) sum(support * dn(lp)) - x),
              root(function(lp) up(lp) - 0.025), root(function(lp) 0.025 - low(lp)),
              root(function(lp) up(lp) - 0.05), root(function(lp) 0.05 - low(lp))))
}
