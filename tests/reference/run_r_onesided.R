# One-sided t tests from R for the corpus (issue 9, item 12).  Run from the repository root:
#   Rscript tests/reference/run_r_onesided.R tests/reference/corpus/corpus.json \
#           tests/reference/golden/r_onesided.json
# R 4.2.2 with jsonlite (Debian r-base-core, r-cran-jsonlite). For every paired dataset
#   t.test(post, pre, paired = TRUE, alternative = "less" / "greater")
# and for every two-group dataset in which at least one group varies
#   t.test(x, y, var.equal = TRUE / FALSE, alternative = "less" / "greater")
# each as c(t, df, p, conf.int) (one-sided R intervals: -Inf or Inf on one side). Missing
# values are dropped as run_r.R drops them (pairwise; per group). Numbers are written with
# sprintf("%.17g"), Inf as Infinity, as run_r.R does.
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
cases <- fromJSON(args[1], simplifyVector = FALSE)
num <- function(v) vapply(v, function(z) if (is.null(z)) NA_real_ else as.numeric(z), 0)
row <- function(t) c(unname(t$statistic), unname(t$parameter), t$p.value, t$conf.int)

out <- list()
for (cs in cases) {
  r <- list()
  if (cs$kind == "paired") {
    pre <- num(cs$pre); post <- num(cs$post)
    ok <- !is.na(pre) & !is.na(post); pre <- pre[ok]; post <- post[ok]
    if (sd(post - pre) == 0) next
    for (alt in c("less", "greater"))
      # > t.test(post, pre, paired = TRUE, alternative = alt)
      r[[paste0("paired_", alt)]] <- row(t.test(post, pre, paired = TRUE, alternative = alt))
  } else if (cs$kind == "two_group") {
    x <- num(cs$x); y <- num(cs$y); x <- x[!is.na(x)]; y <- y[!is.na(y)]
    if (!(sd(x) > 0 || sd(y) > 0)) next
    for (alt in c("less", "greater")) {
      # > t.test(x, y, var.equal = TRUE / FALSE, alternative = alt)
      r[[paste0("student_", alt)]] <- row(t.test(x, y, var.equal = TRUE, alternative = alt))
      r[[paste0("welch_", alt)]] <- row(t.test(x, y, var.equal = FALSE, alternative = alt))
    }
  } else next
  out[[cs$id]] <- r
}
jnum <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v),
                            ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))
to_json <- function(x) {
  if (is.list(x)) {
    parts <- vapply(x, to_json, "")
    return(paste0("{", paste0('"', names(x), '":', parts, collapse = ","), "}"))
  }
  paste0("[", paste(jnum(as.numeric(x)), collapse = ","), "]")
}
writeLines(to_json(out), args[2])
cat(sprintf("R one-sided t: %d datasets\n", length(out)))
