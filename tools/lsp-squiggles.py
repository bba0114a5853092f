#!/usr/bin/env python3
import json, subprocess, sys, time, os, threading
# Prints the SEED diagnostics a real language server (csharp-ls, analyzers on) shows for one file, with the
# characters each squiggle covers. Usage: tools/lsp-squiggles.py <project folder> <file> [path to csharp-ls]
#   dotnet tool install --tool-path /tmp/csls csharp-ls
root = os.path.abspath(sys.argv[1])
file = sys.argv[2]
server = sys.argv[3] if len(sys.argv) > 3 else "/tmp/csls/csharp-ls"
proc = subprocess.Popen([server], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body); proc.stdin.flush()
msgs = []
def reader():
    while True:
        line = proc.stdout.readline()
        if not line: return
        if line.startswith(b"Content-Length:"):
            n = int(line.split(b":")[1]); proc.stdout.readline()
            m = json.loads(proc.stdout.read(n)); msgs.append(m)
            if m.get("method") == "workspace/configuration":
                send({"jsonrpc":"2.0","id":m["id"],"result":[{"analyzersEnabled": True}]*len(m["params"]["items"])})
            elif "id" in m and "method" in m:
                send({"jsonrpc":"2.0","id":m["id"],"result":None})
threading.Thread(target=reader, daemon=True).start()
uri = "file://" + os.path.join(root, file)
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":os.getpid(),"rootUri":"file://"+root,"capabilities":{"workspace":{"configuration":True},"textDocument":{"publishDiagnostics":{}}},"initializationOptions":{"csharp":{"analyzersEnabled":True}}}})
time.sleep(3)
send({"jsonrpc":"2.0","method":"initialized","params":{}})
send({"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"csharp":{"analyzersEnabled":True}}}})
text = open(os.path.join(root, file), encoding="utf-8").read()
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"csharp","version":1,"text":text}}})
lines = text.split("\n")
deadline = time.time() + 150
seen = False
while time.time() < deadline:
    time.sleep(3)
    diags = [m for m in msgs if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
    seed = [d for m in diags for d in m["params"]["diagnostics"] if str(d.get("code","")).startswith("SEED")]
    if seed:
        for d in seed:
            r = d["range"]; l = r["start"]["line"]
            print(d["code"], r["start"], r["end"], repr(lines[l][r["start"]["character"]:r["end"]["character"]]))
        seen = True
        break
if not seen:
    print("no SEED diagnostics; publishDiagnostics seen:", len([m for m in msgs if m.get("method")=="textDocument/publishDiagnostics"]))
    for m in msgs[-5:]: print(str(m)[:300])
proc.kill()
