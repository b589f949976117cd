;; utf16_copy.wasm: copies the UTF-16 code units of a JavaScript string into the linear memory of the Maqal module,
;; for `tokenize()` in src/wasm.rs. It uses the JS String Builtins of WebAssembly (`wasm:js-string`): one bulk copy
;; of the string into a GC array, then a loop into linear memory, several times faster than UTF-8 encoding with
;; `TextEncoder.encodeInto`. Where the builtins or GC types are missing, the module fails to compile or to link and
;; `tokenize()` takes the `encodeInto` path.
;;
;; The binary next to this file is what `scripts/build-utf16-copy.sh` makes of it (binaryen's wasm-as); a test
;; checks that the two agree.
(module
  (type $units (array (mut i16)))
  (import "wasm:js-string" "length" (func $length (param externref) (result i32)))
  (import "wasm:js-string" "intoCharCodeArray"
    (func $intoCharCodeArray (param externref (ref null $units) i32) (result i32)))
  (import "maqal" "memory" (memory 0))
  ;; The array of the last copy, kept for the next when it is at most 4 Mi units (8 MiB).
  (global $kept (mut (ref null $units)) (ref.null $units))

  ;; Writes the code units of string $s at byte $to of memory (room for them is the caller's job) and returns how
  ;; many there are.
  (func (export "copy") (param $s externref) (param $to i32) (result i32)
    (local $n i32)
    (local $a (ref null $units))
    (local $i i32)
    (local.set $n (call $length (local.get $s)))
    (local.set $a (global.get $kept))
    (if (ref.is_null (local.get $a))
      (then (local.set $a (array.new_default $units (i32.const 0)))))
    (if (i32.lt_u (array.len (local.get $a)) (local.get $n))
      (then
        (local.set $a (array.new_default $units (local.get $n)))
        (if (i32.le_u (local.get $n) (i32.const 4194304))
          (then (global.set $kept (local.get $a))))))
    (drop (call $intoCharCodeArray (local.get $s) (local.get $a) (i32.const 0)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store16
          (i32.add (local.get $to) (i32.shl (local.get $i) (i32.const 1)))
          (array.get_u $units (local.get $a) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
)
