"""Runs btcli 9.3.0, unmodified, on a machine without internet access.

btcli downloads `Constants.delegates_detail_url` (a JSON file on raw.githubusercontent.com) on
every `stake list` and `subnets metagraph`, with no fallback if the download fails. For the
test suite only, this launcher points that URL at `DTAO_DELEGATES_URL` (a local server the
tests start, serving `delegates.json` beside this file) and then runs btcli's own entry
point with the same arguments. Nothing else of btcli is touched; with internet access, plain
`btcli` works as is (docs/clients.md)."""
import os
import sys

from bittensor_cli.src import Constants

Constants.delegates_detail_url = os.environ["DTAO_DELEGATES_URL"]

from bittensor_cli.cli import main  # noqa: E402  (after the URL is set)

if __name__ == "__main__":
    sys.argv[0] = "btcli"
    sys.exit(main())
