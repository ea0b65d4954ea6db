# Peer values from R for the corpus.  Run from the repository root:
#   Rscript tests/reference/run_r.R tests/reference/corpus/corpus.json tests/reference/golden/r.json [ids]
# (optional third argument: comma-separated dataset ids, for the live test's sample).
# R 4.2.2 with coin, nortest, jsonlite (Debian r-base-core, r-cran-coin, r-cran-nortest,
# r-cran-jsonlite). jsonlite reads the corpus; the output is written by to_json() below
# with sprintf("%.17g"), which reads back as the same double (jsonlite's toJSON stops at 15
# significant digits even with digits = NA or I(17)). Infinity is written as Infinity
# (Python's json reads it), NA as null.
suppressMessages({library(jsonlite); library(coin); library(nortest)})
args <- commandArgs(trailingOnly = TRUE)
only <- if (length(args) >= 3) strsplit(args[3], ",")[[1]] else NULL
cases <- fromJSON(args[1], simplifyVector = FALSE)
num <- function(v) vapply(v, function(z) if (is.null(z)) NA_real_ else as.numeric(z), 0)
tenths <- function(v, flag) if (isTRUE(flag)) round(v * 10) else v
EXACT_MAX <- 60  # coin's exact tests only up to this many (non-zero) observations

# noncentrality-parameter CIs (effect-size CIs), solved with uniroot at tol 1e-13
ncp_t <- function(t, df, level = 0.95) {
  a <- (1 - level) / 2
  # pt() warns that it "may not achieve full precision" for ncp > 37.62: the tests
  # leave those limits out (test_effect_size_cis.py checks them against mpmath)
  f <- function(target) uniroot(function(d) suppressWarnings(pt(t, df, d)) - target,
                                c(t - 50, t + 50), tol = 1e-13)$root
  c(f(1 - a), f(a))
}
ncp_pos <- function(cdf, start, level = 0.95) {
  a <- (1 - level) / 2
  f <- function(target) if (cdf(0) <= target) 0 else
    uniroot(function(d) cdf(d) - target, c(0, max(10, 10 * start)), tol = 1e-13)$root
  c(f(1 - a), f(a))
}

# one variable: descriptives, quantiles type 6 (= SPSS HAVERAGE), normality tests
one_var <- function(x) {
  x <- x[!is.na(x)]
  r <- list(n = length(x), mean = mean(x), sd = sd(x), var = var(x), median = median(x),
            min = min(x), max = max(x),
            q = as.numeric(quantile(x, c(.25, .5, .75), type = 6)))
  if (length(x) >= 3 && length(x) <= 5000 && sd(x) > 0) {
    sw <- shapiro.test(x); r$sw_w <- unname(sw$statistic); r$sw_p <- sw$p.value
  }
  if (length(x) >= 5 && sd(x) > 0) {
    lt <- lillie.test(x); r$ks_d <- unname(lt$statistic); r$ks_p <- lt$p.value
  }
  r
}

# chi-square family and Fisher for an r x c table of counts
table_tests <- function(tab) {
  r <- list()
  cs0 <- suppressWarnings(chisq.test(tab, correct = FALSE))
  r$pearson <- unname(cs0$statistic); r$pearson_df <- unname(cs0$parameter)
  r$pearson_p <- cs0$p.value
  r$expected <- as.numeric(t(cs0$expected))
  k <- min(dim(tab)) - 1; df <- (nrow(tab) - 1) * (ncol(tab) - 1); N <- sum(tab)
  ci <- ncp_pos(function(d) pchisq(unname(cs0$statistic), df, ncp = d), unname(cs0$statistic))
  r$v_ci <- sqrt(ci / (N * k))
  f <- fisher.test(tab, workspace = 2e7)
  r$fisher_p <- f$p.value
  if (all(dim(tab) == 2)) {
    cs1 <- suppressWarnings(chisq.test(tab, correct = TRUE))
    r$yates <- unname(cs1$statistic); r$yates_p <- cs1$p.value
    r$fisher_less <- fisher.test(tab, alternative = "less")$p.value
    r$fisher_greater <- fisher.test(tab, alternative = "greater")$p.value
    r$or <- unname(f$estimate); r$or_ci <- as.numeric(f$conf.int)
  }
  r
}

out <- list()
for (cs in cases) {
  if (!is.null(only) && !(cs$id %in% only)) next
  r <- list()
  if (cs$kind == "paired") {
    pre0 <- num(cs$pre); post0 <- num(cs$post)
    ok <- !is.na(pre0) & !is.na(post0); pre <- pre0[ok]; post <- post0[ok]  # pairwise
    r$n <- length(pre)
    # rank tests on whole tenths for syringe data (see docs/statistics.md)
    rp <- tenths(pre, cs$tenths); rq <- tenths(post, cs$tenths)
    # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE)
    w <- suppressWarnings(wilcox.test(rq, rp, paired = TRUE, correct = FALSE, exact = FALSE))
    r$wilcoxon_v <- unname(w$statistic); r$wilcoxon_p <- w$p.value
    if (sum(rq != rp) <= EXACT_MAX) {
      # > coin::wilcoxsign_test(post ~ pre, distribution = "exact", zero.method = "Wilcoxon")
      r$wilcoxon_exact_p <- pvalue(wilcoxsign_test(rq ~ rp, distribution = "exact",
                                                   zero.method = "Wilcoxon"))[1]
    }
    t <- t.test(post, pre, paired = TRUE)
    r$t <- unname(t$statistic); r$t_df <- unname(t$parameter); r$t_p <- t$p.value
    r$t_ci <- as.numeric(t$conf.int); r$t_mean <- unname(t$estimate)
    r$t_sd <- sd(post - pre)
    r$dz_ci <- ncp_t(unname(t$statistic), length(pre) - 1) / sqrt(length(pre))
    if (sd(pre) > 0 && sd(post) > 0) {
      ct <- cor.test(pre, post); r$cor <- unname(ct$estimate); r$cor_p <- ct$p.value
    }
    # each variable on its own, all its non-missing values (as EXAMINE)
    r$pre <- one_var(pre0); r$post <- one_var(post0)
  } else if (cs$kind == "paired_binary") {
    pre <- num(cs$pre); post <- num(cs$post)
    ok <- !is.na(pre) & !is.na(post)
    tab <- table(factor(pre[ok], levels = 0:1), factor(post[ok], levels = 0:1))
    b <- tab[1, 2]; cc <- tab[2, 1]
    r$table <- unname(as.numeric(t(tab)))
    # > binom.test(min(b, c), b + c, 0.5); mcnemar.test(tab, correct = FALSE / TRUE)
    r$exact_p <- binom.test(min(b, cc), b + cc, 0.5)$p.value
    m0 <- mcnemar.test(tab, correct = FALSE); m1 <- mcnemar.test(tab, correct = TRUE)
    r$chi2 <- unname(m0$statistic); r$chi2_p <- m0$p.value
    r$chi2c <- unname(m1$statistic); r$chi2c_p <- m1$p.value
  } else if (cs$kind == "two_group") {
    x <- num(cs$x); y <- num(cs$y); x <- x[!is.na(x)]; y <- y[!is.na(y)]
    rx <- tenths(x, cs$tenths); ry <- tenths(y, cs$tenths)
    # > wilcox.test(x, y, correct = FALSE, exact = FALSE)   (R's W is U of x)
    w <- suppressWarnings(wilcox.test(rx, ry, correct = FALSE, exact = FALSE))
    r$mw_w <- unname(w$statistic); r$mw_p <- w$p.value
    if (length(x) + length(y) <= EXACT_MAX) {
      v <- c(rx, ry); g <- factor(rep(c("x", "y"), c(length(x), length(y))))
      # > coin::wilcox_test(v ~ g, distribution = "exact")
      r$mw_exact_p <- pvalue(wilcox_test(v ~ g, distribution = "exact"))[1]
    }
    if (sd(x) > 0 || sd(y) > 0) {
      s <- t.test(x, y, var.equal = TRUE); wt <- t.test(x, y, var.equal = FALSE)
      r$t_student <- c(unname(s$statistic), unname(s$parameter), s$p.value, s$conf.int)
      r$t_welch <- c(unname(wt$statistic), unname(wt$parameter), wt$p.value, wt$conf.int)
      n1 <- length(x); n2 <- length(y); df <- n1 + n2 - 2
      J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
      r$g_ci <- ncp_t(unname(s$statistic), df) * sqrt(1 / n1 + 1 / n2) * J
      g <- factor(rep(1:2, c(length(x), length(y))))
      dev <- abs(c(x - mean(x), y - mean(y)))
      if (sd(dev) > 0) {
        # Levene (mean-centred, as SPSS/PSPP and car::leveneTest(center = mean))
        a <- anova(lm(dev ~ g)); r$levene_f <- a$`F value`[1]; r$levene_p <- a$`Pr(>F)`[1]
      }
    }
    if (identical(cs$sub, "binary")) {
      # rows = group (x, y), columns = outcome 0, 1
      tab <- rbind(c(sum(x == 0), sum(x == 1)), c(sum(y == 0), sum(y == 1)))
      r$table <- table_tests(tab)
    }
  } else if (cs$kind == "table") {
    r <- table_tests(do.call(rbind, lapply(cs$table, num)))
  } else if (cs$kind == "ancova") {
    d <- na.omit(data.frame(pre = num(cs$pre), post = num(cs$post), g = factor(num(cs$group))))
    r$n <- nrow(d)
    # > anova(lm(post ~ pre + g)): group entered last, so its sequential SS is Type III
    fit <- lm(post ~ pre + g, d)
    a <- anova(fit)
    r$f_group <- a["g", "F value"]; r$p_group <- a["g", "Pr(>F)"]
    df1 <- a["g", "Df"]; df2 <- a["Residuals", "Df"]; Fg <- a["g", "F value"]
    r$df_effect <- df1; r$df_error <- df2
    r$ss_group <- a["g", "Sum Sq"]; r$ss_error <- a["Residuals", "Sum Sq"]
    r$eta2 <- r$ss_group / (r$ss_group + r$ss_error)  # partial eta squared
    ci <- ncp_pos(function(d) pf(Fg, df1, df2, ncp = d), Fg * df1)
    r$eta2_ci <- ci / (ci + df1 + df2 + 1)
    # > anova(lm(post ~ g + pre)): the covariate entered last
    a2 <- anova(lm(post ~ g + pre, d))
    r$f_pre <- a2["pre", "F value"]; r$p_pre <- a2["pre", "Pr(>F)"]
    r$ss_pre <- a2["pre", "Sum Sq"]
    r$slope <- unname(coef(fit)["pre"])
    # adjusted means: fitted values at the overall pre mean (of the cases used)
    nd <- data.frame(pre = mean(d$pre), g = levels(d$g))
    pr <- predict(fit, nd, se.fit = TRUE)
    r$adj <- unname(pr$fit); r$adj_se <- unname(pr$se.fit)
    if (nlevels(d$g) == 2) {
      r$diff <- unname(coef(fit)[3]); r$diff_ci <- unname(confint(fit)[3, ])
    }
    # > anova(fit, lm(post ~ pre * g)): homogeneity of regression slopes
    fi <- anova(fit, lm(post ~ pre * g, d))
    r$slopes_f <- fi$F[2]; r$slopes_p <- fi$`Pr(>F)`[2]
    r$slopes_df1 <- fi$Df[2]; r$slopes_df2 <- fi$Res.Df[2]
  }
  out[[cs$id]] <- r
}
jnum <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v),
                            ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))
to_json <- function(x) {
  if (is.list(x)) {
    parts <- vapply(x, to_json, "")
    if (is.null(names(x))) return(paste0("[", paste(parts, collapse = ","), "]"))
    return(paste0("{", paste0('"', names(x), '":', parts, collapse = ","), "}"))
  }
  s <- jnum(as.numeric(x))
  if (length(s) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
writeLines(to_json(out), args[2])
cat(sprintf("R: %d datasets\n", length(out)))
