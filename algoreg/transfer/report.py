"""The dry-run report as plain text, for the command line."""

from collections.abc import Iterator

from .importing import CREATE, ERROR, UNCHANGED, UPDATE, Plan, RowPlan


def what_happens(row: RowPlan, publish: bool) -> str:
    where = row.organisation.name if row.organisation else "no organisation"
    if row.action == CREATE:
        kind = ("published summary" if row.kind == "summary" else "published record") if publish else "draft"
        return f"new {kind} in {where} ({len(row.changes)} fields)"
    if row.action == UPDATE:
        what = "new published version of" if publish else "draft update to"
        return f"{what} record {row.record.public_id} ({', '.join(c.label for c in row.changes) or 'version'})"
    if row.action == UNCHANGED:
        return f"no change to record {row.record.public_id}"
    return "cannot be imported"


def summary(plan: Plan) -> str:
    parts = [f"{plan.count(CREATE):,} to create", f"{plan.count(UPDATE):,} to update",
             f"{plan.count(UNCHANGED):,} unchanged", f"{plan.count(ERROR):,} with problems"]
    if plan.new_organisations:
        parts.append(f"{len(plan.new_organisations):,} new organisations")
    return ", ".join(parts) + "."


def lines(plan: Plan, filename: str, verbosity: int = 1) -> Iterator[str]:
    yield f"{filename}: {plan.parsed.description}, {len(plan.rows):,} rows."
    if plan.problems:
        yield "Problems with the whole file:"
        yield from (f"  - {problem}" for problem in plan.problems)
    for organisation in plan.new_organisations:
        yield f"New organisation: {organisation.name} ({organisation.get_org_type_display()})"
    for row in plan.rows if verbosity else ():
        name = f" · {row.row.name}" if row.row.name else ""
        yield f"{row.row.label}{name}: {what_happens(row, plan.target.publish)}"
        yield from (f"    {p.where}: {p.message}" for p in row.problems)
        if row.still_needed and row.action != ERROR:
            yield (f"    still to fill in before it can be published ({len(row.still_needed)}): "
                   f"{', '.join(row.still_needed)}")
        yield from (f"    note: {note}" for note in row.row.notes)
        if verbosity > 1:
            yield from (f"    {c.label} ({c.key}) {c.what}: {c.preview}" for c in row.changes)
    yield f"Summary: {summary(plan)}"
