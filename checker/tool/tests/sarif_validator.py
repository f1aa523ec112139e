"""Runs Microsoft's SARIF validator (Sarif.Multitool from the npm package
@microsoft/sarif-multitool, installed by scripts/install-sarif-validator.sh)
on a SARIF file and returns the errors it reports. Also checks the file
against the SARIF 2.1.0 JSON schema that comes with the package when the
Python jsonschema module is present (the multitool does not check enum
values)."""

import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
PACKAGE = os.path.join("tools", "sarif-multitool", "node_modules",
                       "@microsoft", "sarif-multitool-linux")


def find(build_dir):
    """The multitool's directory under build_dir, or None."""
    d = os.path.join(build_dir, PACKAGE)
    return d if os.path.isfile(os.path.join(d, "Sarif.Multitool")) else None


def validate(tool_dir, sarif_path):
    """Errors (strings) the validator reports on sarif_path; warnings and
    notes are not errors."""
    exe = os.path.join(tool_dir, "Sarif.Multitool")
    env = dict(os.environ)
    # The .NET runtime inside needs ICU unless told to do without.
    env.setdefault("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "validation.sarif")
        p = subprocess.run([exe, "validate", sarif_path, "--output", out,
                            "--log", "ForceOverwrite"],
                           capture_output=True, text=True, env=env,
                           timeout=300)
        if p.returncode != 0 or not os.path.isfile(out):
            return ["validator failed (%d): %s%s" % (p.returncode, p.stdout,
                                                      p.stderr)]
        with open(out, encoding="utf-8-sig") as f:
            log = json.load(f)
    errors = []
    for run in log.get("runs", []):
        for inv in run.get("invocations", []):
            if not inv.get("executionSuccessful", True):
                errors.append("validator did not run to the end: %s" %
                              inv.get("toolExecutionNotifications"))
        for r in run.get("results", []):
            if r.get("level", "warning") == "error":
                errors.append("%s: %s" % (r.get("ruleId"),
                                          r["message"].get("arguments")))
    errors += schema_errors(tool_dir, sarif_path)
    return errors


def schema_errors(tool_dir, sarif_path):
    try:
        import jsonschema
    except ImportError:
        return []
    with open(os.path.join(tool_dir, "sarif-2.1.0.json")) as f:
        schema = json.load(f)
    with open(sarif_path) as f:
        doc = json.load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    return ["schema: %s at %s" % (e.message, "/".join(map(str, e.path)))
            for e in validator.iter_errors(doc)]
