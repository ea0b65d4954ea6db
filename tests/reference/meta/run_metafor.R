# metafor on the generated meta-analyses, with tight convergence (REML 1e-13 with half steps; PM 1e-12) so the golden values are
# the estimators' exact solutions (metafor's defaults stop REML at 1e-5 and PM's uniroot at
# about 1e-4). Rscript tests/reference/meta/run_metafor.R cases.json golden.json
suppressMessages({library(jsonlite); library(metafor)})
args <- commandArgs(trailingOnly = TRUE)
cases <- fromJSON(args[1], simplifyVector = FALSE)
out <- list()
for (cs in cases) {
  y <- unlist(cs$yi); v <- unlist(cs$vi)
  r <- list()
  for (m in c("FE", "DL", "REML", "PM")) {
    for (tst in c("z", "knha")) {
      if (m == "FE" && tst == "knha") next
      ctrl <- list(threshold = 1e-13, maxiter = 100000, stepadj = 0.5, tol = 1e-12)
      fit <- rma(y, v, method = m, test = tst, control = ctrl)
      pr <- predict(fit)
      r[[paste(m, tst, sep = "_")]] <- list(
        b = as.numeric(fit$b), se = fit$se, ci = c(fit$ci.lb, fit$ci.ub), pval = fit$pval,
        tau2 = fit$tau2, I2 = fit$I2, H2 = fit$H2, QE = fit$QE, QEp = fit$QEp,
        pi = if (m == "FE") NULL else c(pr$pi.lb, pr$pi.ub))
    }
  }
  fit <- rma(y, v, method = "REML", control = list(threshold = 1e-13, maxiter = 100000,
                                                   stepadj = 0.5))
  tf <- trimfill(fit, control = list(threshold = 1e-13, maxiter = 100000, stepadj = 0.5))
  r$trimfill <- list(k0 = tf$k0, side = tf$side, b = as.numeric(tf$b), se = tf$se,
                     fill = if (tf$k0 > 0) tf$yi[tf$fill] else NULL)
  ci <- confint(fit, control = list(tol = 1e-12))$random
  r$tau2_ci <- c(ci["tau^2", "ci.lb"], ci["tau^2", "ci.ub"], ci["I^2(%)", "ci.lb"],
                 ci["I^2(%)", "ci.ub"])
  l1 <- leave1out(fit)
  r$leave1out <- list(estimate = as.numeric(l1$estimate), se = as.numeric(l1$se))
  if (length(y) >= 3) {
    eg <- regtest(fit, model = "lm")
    r$egger <- list(z = unname(eg$zval), p = eg$pval, df = eg$dfs)
  }
  half <- rep(c("a", "b"), length.out = length(y))
  fa <- rma(y[half == "a"], v[half == "a"], method = "DL")
  fb <- rma(y[half == "b"], v[half == "b"], method = "DL")
  qb <- rma(c(fa$b, fb$b), sei = c(fa$se, fb$se), method = "FE")
  r$subgroup <- list(a = as.numeric(fa$b), b = as.numeric(fb$b), Q = qb$QE, p = qb$QEp)
  e <- cs$es
  es <- function(...) { x <- escalc(...); c(x$yi[1], x$vi[1]) }
  r$escalc <- list(
    SMCR = es(measure = "SMCR", m1i = e$m1, m2i = e$m2, sd1i = e$sd2, ni = e$n1, ri = e$r),
    MC = es(measure = "MC", m1i = e$m1, m2i = e$m2, sd1i = e$sd1, sd2i = e$sd2, ni = e$n1,
            ri = e$r),
    SMD = es(measure = "SMD", m1i = e$m1, sd1i = e$sd1, n1i = e$n1, m2i = e$m2, sd2i = e$sd2,
             n2i = e$n2),
    MD = es(measure = "MD", m1i = e$m1, sd1i = e$sd1, n1i = e$n1, m2i = e$m2, sd2i = e$sd2,
            n2i = e$n2),
    OR = es(measure = "OR", ai = e$counts[[1]], bi = e$counts[[2]], ci = e$counts[[3]],
            di = e$counts[[4]]))
  out[[cs$id]] <- r
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), args[2])
cat(sprintf("metafor: %d meta-analyses\n", length(out)))
