"""Assess: the ECR questionnaires scored exactly as published, as pure functions.

Data in, results out: no database, no HTTP, no printing. The interfaces call
`instruments.get_instrument`, `scoring.score_answers` / `scoring.score_ecr_rs`,
`styles.describe_position` / `styles.explain_score`, `change.compare_scores`,
`norms.load_norms` / `norms.percentile_for`, `couples.describe_pairing` and
`batch.score_survey`. Nothing is imported here, so `import bowlby.assess` stays cheap.
"""
