"""Safe YAML reading that keeps line numbers, so every problem can name its line."""

from __future__ import annotations

import yaml

try:  # the C loader is much faster; both are safe
    SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader


class YamlProblem(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        self.message = message
        super().__init__(message)


def compose(text: str) -> yaml.Node | None:
    """Parse to a node tree (nothing is constructed, so no tag can run code)."""
    loader = SafeLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(mark.line + 1 if mark else None, _describe(e)) from None
    except yaml.YAMLError as e:
        raise YamlProblem(None, str(e)) from None
    finally:
        loader.dispose()


def construct(node: yaml.Node) -> object:
    """Build Python data from one node with the safe constructor only."""
    loader = SafeLoader("")
    try:
        return loader.construct_document(node)
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(mark.line + 1 if mark else None, _describe(e)) from None
    finally:
        loader.dispose()


def line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def mapping_items(node: yaml.Node) -> list[tuple[yaml.Node, yaml.Node]]:
    return list(node.value) if isinstance(node, yaml.MappingNode) else []


def _describe(e: yaml.MarkedYAMLError) -> str:
    problem = e.problem or "invalid YAML"
    if "could not determine a constructor" in problem:
        return (
            f"refused YAML tag: {problem.split('tag', 1)[-1].strip()} (only plain data is allowed)"
        )
    context = f"{e.context}: " if e.context else ""
    return f"broken YAML: {context}{problem}"
