# The two commands of README.md, and a few more for development. Every target installs what it needs first.
PORT ?= 8080

.PHONY: serve test build setup bench bench-browser bench-quality clean
serve:          ## set up, build the Wasm package and serve www/ on http://127.0.0.1:$(PORT)
	scripts/run.sh --port $(PORT)

test:           ## set up and run every test
	scripts/test.sh

setup:          ## install what is missing (toolchain, wasm-bindgen CLI, npm packages, Chromium)
	scripts/setup.sh --browser

build:          ## build pkg/ (npm package) and www/pkg/
	scripts/setup.sh
	scripts/build-wasm.sh

bench:          ## native and browser benchmarks (results go to BENCHMARKS.md by hand)
	scripts/bench.sh

KP ?= ../shared/kp
bench-quality:  ## keyphrase quality against gold datasets (KP=dir of JSONL files), side by side with Python YAKE
	scripts/setup.sh
	cargo build --release --features cli
	scripts/quality.sh $(KP)

clean:
	cargo clean
	rm -rf pkg www/pkg node_modules/maqal
