# Times R lme4::lmer (REML, the tight tolerances of test/fixtures/gen/lmm.R) and lmerTest's
# Satterthwaite summary on the data bench/fidelity.bench.ts writes: one warm-up fit, then the
# median of 5. Prints one JSON line. Usage: Rscript --vanilla bench/fidelity_lmer.R data.csv
suppressMessages({ library(lme4); library(lmerTest) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$cluster <- factor(d$cluster)
d$fm <- ave(d$fidelity, d$cluster)
d$fw <- d$fidelity - d$fm
control <- lmerControl(optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-14, xtol_rel = 1e-14))
fit_once <- function() {
  fit <- lmerTest::lmer(outcome ~ fw + fm + baseline + (1 | cluster), data = d, REML = TRUE, control = control)
  s <- summary(fit)$coefficients
  list(fit = fit, s = s)
}
fit_once()
times <- replicate(5, system.time(r <- fit_once())[["elapsed"]] * 1000)
r <- fit_once()
cat(sprintf('{"R":"%s","lme4":"%s","lmerTest":"%s","ms":%.3f,"within":%.17g,"between":%.17g,"dfWithin":%.17g,"dfBetween":%.17g}\n',
  R.version.string, packageVersion("lme4"), packageVersion("lmerTest"), median(times),
  r$s["fw", "Estimate"], r$s["fm", "Estimate"], r$s["fw", "df"], r$s["fm", "df"]))
