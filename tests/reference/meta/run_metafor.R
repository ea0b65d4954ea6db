# R metafor on the generated meta-analyses (tests/reference/meta/cases.json), written with
# sprintf("%.17g") so the golden values are R's doubles exactly.
#   Rscript tests/reference/meta/run_metafor.R cases.json golden.json
# Convergence is tightened (REML: threshold 1e-13 with half steps; PM and confint: uniroot
# tol 1e-12) so the golden values are the estimators' exact solutions; metafor's defaults
# stop REML at 1e-5 and uniroot at about 1e-4.
suppressMessages({library(jsonlite); library(metafor)})
args <- commandArgs(trailingOnly = TRUE)
cases <- fromJSON(args[1], simplifyVector = FALSE)

num <- function(x) {
  if (is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "\"inf\"" else "\"-inf\"")
  sprintf("%.17g", x)
}
# JSON by hand: named list -> object, unnamed list -> array, vector of length 1 -> scalar,
# longer vector -> array; arr() marks a vector that is an array whatever its length.
arr <- function(x) structure(as.list(as.numeric(x)), class = "jarr")
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (inherits(x, "jarr")) return(paste0("[", paste(vapply(x, num, ""), collapse = ","), "]"))
  if (is.list(x)) {
    if (!is.null(names(x))) {
      return(paste0("{", paste(sprintf("\"%s\":%s", names(x), vapply(x, to_json, "")),
                               collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
  }
  if (is.character(x)) return(if (length(x) == 1) sprintf("\"%s\"", x) else
    paste0("[", paste(sprintf("\"%s\"", x), collapse = ","), "]"))
  if (is.logical(x) && length(x) == 1) return(if (is.na(x)) "null" else tolower(x))
  if (length(x) == 1) return(num(as.numeric(x)))
  paste0("[", paste(vapply(as.numeric(x), num, ""), collapse = ","), "]")
}

ctrl <- list(threshold = 1e-13, maxiter = 100000, stepadj = 0.5, tol = 1e-12)
col <- function(st, name) vapply(st, function(s) as.numeric(s[[name]]), 0)
effects <- function(cs, r = cs$r) {
  st <- cs$studies; m <- cs$measure
  if (m %in% c("SMCR", "SMCC", "MC")) {
    ri <- rep(r, length(st))
    if (m == "SMCR") return(escalc("SMCR", m1i = col(st, "m_post"), m2i = col(st, "m_pre"),
                                   sd1i = col(st, "sd_pre"), ni = col(st, "n"), ri = ri))
    return(escalc(m, m1i = col(st, "m_post"), m2i = col(st, "m_pre"),
                  sd1i = col(st, "sd_post"), sd2i = col(st, "sd_pre"), ni = col(st, "n"),
                  ri = ri))
  }
  if (m %in% c("SMD", "MD")) return(escalc(m, m1i = col(st, "m1"), sd1i = col(st, "sd1"),
                                           n1i = col(st, "n1"), m2i = col(st, "m2"),
                                           sd2i = col(st, "sd2"), n2i = col(st, "n2")))
  escalc(m, ai = col(st, "a"), bi = col(st, "b"), ci = col(st, "c"), di = col(st, "d"))
}
model <- function(fit) {
  pr <- predict(fit)
  list(b = as.numeric(fit$b), se = fit$se, zval = fit$zval, pval = fit$pval,
       ci = arr(c(fit$ci.lb, fit$ci.ub)), tau2 = fit$tau2, I2 = fit$I2, H2 = fit$H2,
       QE = fit$QE, QEp = fit$QEp,
       pi = if (fit$method == "FE") NULL else arr(c(pr$pi.lb, pr$pi.ub)))
}
mods_model <- function(fit) {
  list(b = arr(fit$b), se = arr(fit$se), pval = arr(fit$pval), QM = fit$QM, QMp = fit$QMp,
       QMdf = arr(fit$QMdf), tau2 = fit$tau2, QE = fit$QE, QEp = fit$QEp, I2 = fit$I2,
       H2 = fit$H2, R2 = if (is.null(fit$R2)) NULL else fit$R2)
}

out <- list()
for (cs in cases) {
  es <- effects(cs)
  y <- as.numeric(es$yi); v <- as.numeric(es$vi)
  r <- list(escalc = list(yi = arr(y), vi = arr(v)))
  for (m in c("FE", "DL", "REML", "PM")) {
    for (tst in c("z", "knha")) {
      r[[paste(m, tst, sep = "_")]] <- model(rma(y, v, method = m, test = tst, control = ctrl))
    }
  }
  fit <- rma(y, v, method = "REML", control = ctrl)
  tf <- trimfill(fit, control = ctrl)
  r$trimfill <- list(k0 = tf$k0, side = tf$side, b = as.numeric(tf$b), se = tf$se,
                     fill = arr(if (tf$k0 > 0) tf$yi[tf$fill] else numeric(0)))
  # metafor returns the fitted model when no study is missing, and refits the filled model
  # with its default z test unless test is passed on
  tfk <- trimfill(rma(y, v, method = "REML", test = "knha", control = ctrl), test = "knha",
                  control = ctrl)
  r$trimfill_knha <- list(k0 = tfk$k0, b = as.numeric(tfk$b), se = tfk$se,
                          ci = arr(c(tfk$ci.lb, tfk$ci.ub)), pval = tfk$pval)
  ci <- confint(fit, control = list(tol = 1e-12))$random
  r$confint <- list(tau2 = arr(ci["tau^2", 2:3]), tau = arr(ci["tau", 2:3]),
                    I2 = arr(ci["I^2(%)", 2:3]), H2 = arr(ci["H^2", 2:3]))
  l1 <- leave1out(fit)
  r$leave1out <- list(estimate = arr(l1$estimate), se = arr(l1$se), tau2 = arr(l1$tau2))
  eg <- regtest(fit, model = "lm")
  r$egger_lm <- list(t = unname(eg$zval), p = eg$pval, df = eg$dfs)
  eg <- regtest(fit)
  r$egger_rma <- list(z = unname(eg$zval), p = eg$pval, limit = as.numeric(eg$est))
  if (length(y) >= 4) {
    half <- rep(c("a", "b"), length.out = length(y))
    fa <- rma(y[half == "a"], v[half == "a"], method = "DL")
    fb <- rma(y[half == "b"], v[half == "b"], method = "DL")
    qb <- rma(c(fa$b, fb$b), sei = c(fa$se, fb$se), method = "FE")
    r$subgroup <- list(a = as.numeric(fa$b), b = as.numeric(fb$b), Q = qb$QE, p = qb$QEp)
    g <- factor(half)
    r$moderator <- list(
      DL_z = mods_model(rma(y, v, mods = ~ g, method = "DL", control = ctrl)),
      REML_z = mods_model(rma(y, v, mods = ~ g, method = "REML", control = ctrl)),
      REML_knha = mods_model(rma(y, v, mods = ~ g, method = "REML", test = "knha",
                                 control = ctrl)),
      PM_z = mods_model(rma(y, v, mods = ~ g, method = "PM", control = ctrl)))
  }
  if (!is.null(cs$r)) {
    sens <- list()
    for (rr in c(0.3, 0.5, 0.7)) {
      e2 <- effects(cs, rr)
      f2 <- rma(e2$yi, e2$vi, method = "REML", control = ctrl)
      sens[[sprintf("%.1f", rr)]] <- list(b = as.numeric(f2$b), se = f2$se, tau2 = f2$tau2,
                                          ci = arr(c(f2$ci.lb, f2$ci.ub)))
    }
    r$r_sensitivity <- sens
  }
  out[[cs$id]] <- r
}
writeLines(to_json(out), args[2])
cat(sprintf("metafor %s: %d meta-analyses\n", packageVersion("metafor"), length(out)))
