"""What the tests share: the datasets they start from, the defect corpus, and the two ways to run `fc`.

- `base`: the dataset every validation case starts from, with line finders;
- `defects`: the corpus of broken data files, one defect each;
- `sample`: a canonical dataset for the writing commands;
- `commented`: the sample as a curator writes it, with comments;
- `reading`: the richer fixture the reading commands show, and model builders;
- `versions`: two versions of the sample, for `fc diff`;
- `github`: GitHub Actions workflow commands, read back;
- `run`: `fc` in-process (`fc`) and in a real process (`fc_process`), and `require_program`
  for the tests that drive other programs (Chromium, zsh, fish, git).

The datasets themselves are files under `tests/fixtures/`.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
