# sitegen in a container, for CI systems that prefer one. The image holds the generator
# only; the repository (offices.yaml, content/, themes/) is mounted at /site:
#   docker build -t sitegen .
#   docker run --rm -v "$PWD:/site" sitegen build --changed-since origin/main
# The image build is exercised by the "image" job of .github/workflows/sites.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# git: `--changed-since REV` asks it which files changed
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/sitegen
COPY pyproject.toml constraints.txt README.md ./
COPY sitegen ./sitegen
# exactly the versions CI tests and audits (constraints.txt); the image builds, checks and
# deploys, so it holds no extra (`sitegen import wordpress` needs sitegen[wordpress] and says so)
RUN pip install -c constraints.txt . && sitegen --version

# never build as root; a mounted repository owned by another user is still git's to read
RUN useradd --create-home --uid 10001 sitegen \
    && git config --system --add safe.directory '*'
USER sitegen
WORKDIR /site

ENTRYPOINT ["sitegen"]
CMD ["--help"]
