# Peer values from R for the corpus.  Run from the repository root:
#   Rscript tests/reference/run_r.R tests/reference/corpus/corpus.json tests/reference/golden/r.json
# R 4.2.2 with coin, nortest, jsonlite (Debian r-base-core, r-cran-coin, r-cran-nortest).
suppressMessages({library(jsonlite); library(coin); library(nortest)})
args <- commandArgs(trailingOnly = TRUE)
only <- if (length(args) >= 3) strsplit(args[3], ",")[[1]] else NULL
cases <- fromJSON(args[1], simplifyVector = FALSE)
num <- function(v) vapply(v, function(z) if (is.null(z)) NA_real_ else as.numeric(z), 0)
tenths <- function(v, flag) if (isTRUE(flag)) round(v * 10) else v
# noncentrality-parameter CIs (effect-size CIs), solved with uniroot at tol 1e-13
ncp_t <- function(t, df, level = 0.95) {
  a <- (1 - level) / 2
  f <- function(target) uniroot(function(d) pt(t, df, d) - target, c(t - 50, t + 50),
                                tol = 1e-13)$root
  c(f(1 - a), f(a))
}
ncp_pos <- function(cdf, start, level = 0.95) {
  a <- (1 - level) / 2
  f <- function(target) if (cdf(0) <= target) 0 else
    uniroot(function(d) cdf(d) - target, c(0, max(10, 10 * start)), tol = 1e-13)$root
  c(f(1 - a), f(a))
}
out <- list()
for (cs in cases) {
  if (!is.null(only) && !(cs$id %in% only)) next
  r <- list()
  if (cs$kind == "paired") {
    pre <- num(cs$pre); post <- num(cs$post)
    ok <- !is.na(pre) & !is.na(post); pre <- pre[ok]; post <- post[ok]
    # rank tests on whole tenths for syringe data (see docs/statistics.md)
    rp <- tenths(pre, cs$tenths); rq <- tenths(post, cs$tenths)
    w <- suppressWarnings(wilcox.test(rq, rp, paired = TRUE, correct = FALSE, exact = FALSE))
    r$wilcoxon_v <- unname(w$statistic); r$wilcoxon_p <- w$p.value
    if (sum(rq != rp) <= 60) {
      r$wilcoxon_exact_p <- pvalue(wilcoxsign_test(rq ~ rp, distribution = "exact",
                                                   zero.method = "Wilcoxon"))[1]
    }
    t <- t.test(post, pre, paired = TRUE)
    r$t <- unname(t$statistic); r$t_df <- unname(t$parameter); r$t_p <- t$p.value
    r$t_ci <- as.numeric(t$conf.int); r$t_mean <- unname(t$estimate)
    r$dz_ci <- ncp_t(unname(t$statistic), length(pre) - 1) / sqrt(length(pre))
    if (sd(pre) > 0 && sd(post) > 0) {
      ct <- cor.test(pre, post); r$cor <- unname(ct$estimate); r$cor_p <- ct$p.value
    }
    x <- num(cs$pre); x <- x[!is.na(x)]
    if (length(x) >= 3 && length(x) <= 5000 && sd(x) > 0) {
      sw <- shapiro.test(x); r$sw_w <- unname(sw$statistic); r$sw_p <- sw$p.value
    }
    if (length(x) >= 5 && sd(x) > 0) {
      lt <- lillie.test(x); r$ks_d <- unname(lt$statistic); r$ks_p <- lt$p.value
    }
    r$mean <- mean(x); r$sd <- sd(x); r$median <- median(x)
    r$q <- as.numeric(quantile(x, c(.25, .5, .75), type = 6))
  } else if (cs$kind == "two_group") {
    x <- num(cs$x); y <- num(cs$y)
    rx <- tenths(x, cs$tenths); ry <- tenths(y, cs$tenths)
    w <- suppressWarnings(wilcox.test(rx, ry, correct = FALSE, exact = FALSE))
    r$mw_w <- unname(w$statistic); r$mw_p <- w$p.value
    if (length(x) + length(y) <= 60) {
      v <- c(rx, ry); g <- factor(rep(c("x", "y"), c(length(x), length(y))))
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
        a <- anova(lm(dev ~ g)); r$levene_f <- a$`F value`[1]; r$levene_p <- a$`Pr(>F)`[1]
      }
    }
  } else if (cs$kind == "mcnemar") {
    tab <- matrix(c(cs$a, cs$c, cs$b, cs$d), 2)
    m <- cs$b + cs$c
    r$exact_p <- binom.test(min(cs$b, cs$c), m, 0.5)$p.value
    r$chi2 <- unname(mcnemar.test(tab, correct = FALSE)$statistic)
    r$chi2_p <- mcnemar.test(tab, correct = FALSE)$p.value
    r$chi2c <- unname(mcnemar.test(tab, correct = TRUE)$statistic)
    r$chi2c_p <- mcnemar.test(tab, correct = TRUE)$p.value
  } else if (cs$kind == "table") {
    tab <- do.call(rbind, lapply(cs$table, num))
    cs0 <- suppressWarnings(chisq.test(tab, correct = FALSE))
    r$pearson <- unname(cs0$statistic); r$pearson_p <- cs0$p.value
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
  } else if (cs$kind == "ancova") {
    d <- data.frame(pre = num(cs$pre), post = num(cs$post), g = factor(num(cs$group)))
    fit <- lm(post ~ pre + g, d)
    a <- anova(fit)
    r$f_group <- a["g", "F value"]; r$p_group <- a["g", "Pr(>F)"]
    df1 <- a["g", "Df"]; df2 <- a["Residuals", "Df"]; Fg <- a["g", "F value"]
    ci <- ncp_pos(function(d) pf(Fg, df1, df2, ncp = d), Fg * df1)
    r$eta2_ci <- ci / (ci + df1 + df2 + 1)
    r$df_error <- a["Residuals", "Df"]; r$ss_group <- a["g", "Sum Sq"]
    r$ss_error <- a["Residuals", "Sum Sq"]
    a2 <- anova(lm(post ~ g + pre, d))
    r$f_pre <- a2["pre", "F value"]; r$p_pre <- a2["pre", "Pr(>F)"]
    r$slope <- unname(coef(fit)["pre"])
    nd <- data.frame(pre = mean(d$pre), g = levels(d$g))
    pr <- predict(fit, nd, se.fit = TRUE)
    r$adj <- unname(pr$fit); r$adj_se <- unname(pr$se.fit)
    fi <- anova(fit, lm(post ~ pre * g, d))
    r$slopes_f <- fi$F[2]; r$slopes_p <- fi$`Pr(>F)`[2]
  }
  out[[cs$id]] <- r
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null"), args[2])
cat(sprintf("R: %d datasets\n", length(out)))
