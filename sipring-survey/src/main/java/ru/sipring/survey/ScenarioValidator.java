package ru.sipring.survey;

import static ru.sipring.survey.ValidationProblem.Code.BAD_ID;
import static ru.sipring.survey.ValidationProblem.Code.BAD_START;
import static ru.sipring.survey.ValidationProblem.Code.BLANK_LABEL;
import static ru.sipring.survey.ValidationProblem.Code.BLANK_TEXT;
import static ru.sipring.survey.ValidationProblem.Code.CYCLE;
import static ru.sipring.survey.ValidationProblem.Code.DANGLING_REFERENCE;
import static ru.sipring.survey.ValidationProblem.Code.DUPLICATE_ID;
import static ru.sipring.survey.ValidationProblem.Code.DUPLICATE_LABEL;
import static ru.sipring.survey.ValidationProblem.Code.EMPTY_SCENARIO;
import static ru.sipring.survey.ValidationProblem.Code.NEVER_ENDS;
import static ru.sipring.survey.ValidationProblem.Code.NO_OPTIONS;
import static ru.sipring.survey.ValidationProblem.Code.ONE_OPTION;
import static ru.sipring.survey.ValidationProblem.Code.SCENARIO_FIELD;
import static ru.sipring.survey.ValidationProblem.Code.SELF_LOOP;
import static ru.sipring.survey.ValidationProblem.Code.TYPE_RULE;
import static ru.sipring.survey.ValidationProblem.Code.UNREACHABLE;
import static ru.sipring.survey.ValidationProblem.SCENARIO;
import static ru.sipring.survey.ValidationProblem.error;
import static ru.sipring.survey.ValidationProblem.warning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a scenario before it is published or run: ids, texts, options and labels, then the graph —
 * dangling next-references, self-loops (the admin guide's own example in §9 sends "Какую марку авто вы
 * предпочитаете?" back to itself), cycles, questions from which no path ends, questions the start never
 * reaches. Policy: every cycle is an error, since a survey read out on a call must always end and the model
 * has no "repeat" construct.
 *
 * <p>Every edge of the graph counts, including a single-choice question's own {@code next} when each option
 * overrides it: an operator may skip a question, and a skip follows the question's own {@code next}.
 *
 * <p>Linear in the size of the scenario (the graph passes are iterative, so deep chains do not overflow the
 * stack). Stateless and thread-safe.
 */
public final class ScenarioValidator {
  /** Longest id the database columns accept. */
  public static final int MAX_ID_LENGTH = 64;

  private ScenarioValidator() {}

  /**
   * Checks a scenario: fields, question ids and texts, options, and that every branch leads to an existing question or to the end, without cycles.
   *
   * @param scenario the scenario
   * @return the errors (which stop publishing) and warnings
   */
  public static ValidationReport validate(Scenario scenario) {
    return new Run(scenario).run();
  }

  private static final class Run {
    private final Scenario s;
    private final List<ValidationProblem> out = new ArrayList<>();
    /** First question with each id; later duplicates are reported and left out of the graph. */
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Question> nodes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Per node: successor node indexes (deduplicated); END and dangling targets are not nodes. */
    private int[][] succ = new int[0][];
    private boolean[] exitsToEnd = new boolean[0];

    Run(Scenario s) {
      this.s = s;
    }

    ValidationReport run() {
      if (s.id().isBlank()) {
        out.add(error(SCENARIO, SCENARIO_FIELD, "scenario id is blank"));
      }
      if (s.title().isBlank()) {
        out.add(error(SCENARIO, SCENARIO_FIELD, "title is blank"));
      }
      if (s.questions().isEmpty()) {
        out.add(error(SCENARIO, EMPTY_SCENARIO, "the scenario has no questions"));
        return new ValidationReport(s.id(), out);
      }
      checkQuestions();
      buildGraph();
      checkStart();
      checkLoops();
      checkNeverEnds();
      checkReachable();
      List<ValidationProblem> sorted = new ArrayList<>(out);
      sorted.sort((a, b) -> Boolean.compare(!a.isError(), !b.isError()));
      return new ValidationReport(s.id(), sorted);
    }

    private void checkQuestions() {
      List<Question> qs = s.questions();
      for (int i = 0; i < qs.size(); i++) {
        Question q = qs.get(i);
        String name = q.id().isBlank() ? "(question #" + (i + 1) + ")" : q.id();
        String idProblem = idProblem(q.id());
        if (idProblem != null) {
          out.add(error(name, BAD_ID, "question id " + idProblem));
        }
        Integer first = index.get(q.id());
        if (first != null) {
          out.add(error(name, DUPLICATE_ID, "question id is used again at position " + (i + 1)
              + " (first at position " + (qs.indexOf(nodes.get(first)) + 1) + ")"));
        } else if (!q.id().isBlank()) {
          index.put(q.id(), nodes.size());
          nodes.add(q);
          names.add(name);
        }
        if (q.text().isBlank()) {
          out.add(error(name, BLANK_TEXT, "question text is blank"));
        }
        checkOptions(name, q);
      }
    }

    private void checkOptions(String name, Question q) {
      if (!q.type().hasOptions()) {
        if (!q.options().isEmpty()) {
          out.add(error(name, TYPE_RULE, "a text question cannot have options (" + q.options().size() + " given)"));
        }
        return;
      }
      if (q.options().isEmpty()) {
        out.add(error(name, NO_OPTIONS, "a " + q.type().jsonName() + " question needs options; it has none"));
        return;
      }
      if (q.options().size() == 1) {
        out.add(warning(name, ONE_OPTION, "has only one option"));
      }
      Set<String> ids = new HashSet<>();
      Map<String, String> labels = new HashMap<>();
      for (int j = 0; j < q.options().size(); j++) {
        Option o = q.options().get(j);
        String where = "option #" + (j + 1) + (o.id().isBlank() ? "" : " (" + o.id() + ")");
        String idProblem = idProblem(o.id());
        if (idProblem != null) {
          out.add(error(name, BAD_ID, where + ": option id " + idProblem));
        } else if (!ids.add(o.id())) {
          out.add(error(name, DUPLICATE_ID, where + ": option id " + o.id() + " is used twice"));
        }
        if (o.label().isBlank()) {
          out.add(error(name, BLANK_LABEL, where + ": label is blank"));
        } else {
          String key = normaliseLabel(o.label());
          String before = labels.putIfAbsent(key, o.id());
          if (before != null) {
            out.add(error(name, DUPLICATE_LABEL, where + ": label '" + o.label().strip()
                + "' repeats option " + before));
          }
        }
        if (q.type() == QuestionType.MULTIPLE && o.next() != null) {
          out.add(error(name, TYPE_RULE, where + ": only single-choice options may branch; "
              + "set the question's next instead"));
        }
      }
    }

    private void buildGraph() {
      int n = nodes.size();
      succ = new int[n][];
      exitsToEnd = new boolean[n];
      for (int v = 0; v < n; v++) {
        Question q = nodes.get(v);
        List<Integer> targets = new ArrayList<>();
        edge(v, q.next(), "next action", targets);
        if (q.type() == QuestionType.SINGLE) {
          for (Option o : q.options()) {
            if (o.next() != null) {
              edge(v, o.next(), "option '" + o.label().strip() + "'", targets);
            }
          }
        }
        succ[v] = targets.stream().distinct().mapToInt(Integer::intValue).toArray();
      }
    }

    private void edge(int v, @Nullable String target, String what, List<Integer> targets) {
      if (Scenario.isEnd(target)) {
        exitsToEnd[v] = true;
        return;
      }
      Integer w = index.get(target);
      if (w == null) {
        out.add(error(names.get(v), DANGLING_REFERENCE, what + " refers to question '" + target
            + "', which does not exist"));
        // counted as an exit so the same mistake is not reported again as "never ends"
        exitsToEnd[v] = true;
      } else if (w == v) {
        out.add(error(names.get(v), SELF_LOOP, what + " leads back to " + names.get(v) + " itself"));
        targets.add(w);
      } else {
        targets.add(w);
      }
    }

    private void checkStart() {
      if (s.start() == null || s.start().isBlank()) {
        out.add(error(SCENARIO, BAD_START, "no start question"));
      } else if (!index.containsKey(s.start())) {
        out.add(error(SCENARIO, BAD_START, "start question '" + s.start() + "' does not exist"));
      }
    }

    /** Tarjan's strongly connected components, iteratively; every component of two or more is a cycle. */
    private void checkLoops() {
      int n = nodes.size();
      int[] idx = new int[n];
      int[] low = new int[n];
      int[] comp = new int[n];
      Arrays.fill(idx, -1);
      boolean[] onStack = new boolean[n];
      int[] stack = new int[n];
      int sp = 0;
      int counter = 0;
      int comps = 0;
      int[] callNode = new int[n];
      int[] callEdge = new int[n];
      for (int root = 0; root < n; root++) {
        if (idx[root] >= 0) {
          continue;
        }
        int depth = 0;
        callNode[0] = root;
        callEdge[0] = 0;
        idx[root] = low[root] = counter++;
        stack[sp++] = root;
        onStack[root] = true;
        while (depth >= 0) {
          int v = callNode[depth];
          if (callEdge[depth] < succ[v].length) {
            int w = succ[v][callEdge[depth]++];
            if (idx[w] < 0) {
              idx[w] = low[w] = counter++;
              stack[sp++] = w;
              onStack[w] = true;
              depth++;
              callNode[depth] = w;
              callEdge[depth] = 0;
            } else if (onStack[w]) {
              low[v] = Math.min(low[v], idx[w]);
            }
          } else {
            if (low[v] == idx[v]) {
              int w;
              do {
                w = stack[--sp];
                onStack[w] = false;
                comp[w] = comps;
              } while (w != v);
              comps++;
            }
            depth--;
            if (depth >= 0) {
              int parent = callNode[depth];
              low[parent] = Math.min(low[parent], low[v]);
            }
          }
        }
      }
      int[] size = new int[comps];
      for (int v = 0; v < n; v++) {
        size[comp[v]]++;
      }
      boolean[] reported = new boolean[comps];
      for (int v = 0; v < n; v++) { // display order: the cycle is reported at its first question
        int c = comp[v];
        if (size[c] > 1 && !reported[c]) {
          reported[c] = true;
          out.add(error(names.get(v), CYCLE, "questions lead back to each other: " + cyclePath(v, comp)));
        }
      }
    }

    /** A shortest cycle through {@code v} inside its component, as "a → b → a". */
    private String cyclePath(int v, int[] comp) {
      int[] parent = new int[nodes.size()];
      Arrays.fill(parent, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(v);
      int last = -1;
      search:
      while (!queue.isEmpty()) {
        int u = queue.poll();
        for (int w : succ[u]) {
          if (comp[w] != comp[v]) {
            continue;
          }
          if (w == v) {
            last = u;
            break search;
          }
          if (parent[w] < 0 && w != v) {
            parent[w] = u;
            queue.add(w);
          }
        }
      }
      List<String> path = new ArrayList<>();
      path.add(names.get(v));
      for (int u = last; u != v && u >= 0; u = parent[u]) {
        path.add(1, names.get(u));
      }
      path.add(names.get(v));
      return String.join(" → ", path);
    }

    private void checkNeverEnds() {
      int n = nodes.size();
      List<List<Integer>> pred = new ArrayList<>(n);
      for (int v = 0; v < n; v++) {
        pred.add(new ArrayList<>());
      }
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      boolean[] ends = new boolean[n];
      for (int v = 0; v < n; v++) {
        for (int w : succ[v]) {
          pred.get(w).add(v);
        }
        if (exitsToEnd[v]) {
          ends[v] = true;
          queue.add(v);
        }
      }
      while (!queue.isEmpty()) {
        int w = queue.poll();
        for (int v : pred.get(w)) {
          if (!ends[v]) {
            ends[v] = true;
            queue.add(v);
          }
        }
      }
      for (int v = 0; v < n; v++) {
        if (!ends[v]) {
          out.add(error(names.get(v), NEVER_ENDS, "no path from " + names.get(v)
              + " reaches the end of the survey; every next action loops back"));
        }
      }
    }

    private void checkReachable() {
      Integer start = s.start() == null ? null : index.get(s.start());
      if (start == null) {
        return;
      }
      boolean[] seen = new boolean[nodes.size()];
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      seen[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int v = queue.poll();
        for (int w : succ[v]) {
          if (!seen[w]) {
            seen[w] = true;
            queue.add(w);
          }
        }
      }
      for (int v = 0; v < nodes.size(); v++) {
        if (!seen[v]) {
          out.add(error(names.get(v), UNREACHABLE, "no path from the start question " + s.start()
              + " leads here"));
        }
      }
    }
  }

  /** Why an id cannot be used, or {@code null} when it can. */
  static @Nullable String idProblem(String id) {
    if (id.isBlank()) {
      return "is blank";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "is longer than " + MAX_ID_LENGTH + " characters";
    }
    if (id.startsWith("#")) {
      return "'" + id + "' starts with '#', which is reserved for " + Scenario.END;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isWhitespace(id.charAt(i)) || Character.isISOControl(id.charAt(i))) {
        return "'" + id + "' contains spaces or control characters";
      }
    }
    return null;
  }

  static String normaliseLabel(String label) {
    return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
