package io.cavra.controlplane.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns {@code scan}'s arguments into the files to read: a file as given, a directory walked
 * recursively in name order (not following symbolic links, skipping version-control folders), and
 * {@code -} as standard input. {@code --include} and {@code --exclude} globs filter what a walk
 * finds: a pattern without '/' matches a file or folder name at any depth ({@code *.log}), one with
 * '/' matches the path below the directory given ({@code config/**}/{@code *.yaml}).
 */
final class ScanSources {
  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".hg", ".svn");

  private final Path root;
  private final SourceFile.Kind forced;
  private final String stdinName;
  private final List<Glob> includes;
  private final List<Glob> excludes;

  /**
   * @param root the source root that SARIF URIs are relative to (absolute, normalised)
   * @param forced the kind every input is read as, or {@code null} to decide by name and content
   * @param stdinName the path standard input stands for, or {@code null}
   */
  ScanSources(
      Path root,
      SourceFile.Kind forced,
      String stdinName,
      List<String> includes,
      List<String> excludes) {
    this.root = root;
    this.forced = forced;
    this.stdinName = stdinName;
    this.includes = includes.stream().map(Glob::new).toList();
    this.excludes = excludes.stream().map(Glob::new).toList();
  }

  /** A glob of {@code --include} or {@code --exclude}. */
  private static final class Glob {
    private final PathMatcher matcher;
    private final boolean byName;

    Glob(String pattern) {
      String normalized = pattern.replace('\\', '/');
      while (normalized.startsWith("./")) {
        normalized = normalized.substring(2);
      }
      byName = !normalized.contains("/");
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
    }

    boolean matches(Path relative) {
      return matcher.matches(byName ? relative.getFileName() : relative);
    }
  }

  /**
   * Calls {@code sink} with each input in order.
   *
   * @throws IoFailure for an argument that names nothing readable (the walk goes on below a folder
   *     that cannot be read, reporting it through {@code unreadable})
   */
  void each(String argument, Consumer<SourceFile> sink, Consumer<IoFailure> unreadable) {
    if (Inputs.STDIN.equals(argument)) {
      sink.accept(stdin());
      return;
    }
    Path path;
    try {
      path = Paths.get(argument);
    } catch (InvalidPathException e) {
      throw new IoFailure(argument, new IOException("invalid path"));
    }
    if (Files.isDirectory(path)) {
      walk(argument, path, sink, unreadable);
    } else {
      sink.accept(file(argument, path));
    }
  }

  private SourceFile stdin() {
    SourceFile.Kind kind = forced != null ? forced : SourceFile.Kind.JSON;
    if (stdinName == null) {
      return new SourceFile(Inputs.display(Inputs.STDIN), null, null, false, kind);
    }
    Path named = absolute(Paths.get(stdinName));
    return new SourceFile(
        stdinName,
        null,
        SourceFile.uri(named, root),
        SourceFile.isBelow(named, root),
        forced != null
            ? forced
            : kindOr(SourceFile.kindOfName(String.valueOf(named.getFileName())), kind));
  }

  private SourceFile file(String display, Path path) {
    Path absolute = absolute(path);
    SourceFile.Kind kind = forced;
    if (kind == null) {
      kind = SourceFile.kindOfName(String.valueOf(path.getFileName()));
    }
    return new SourceFile(
        display, path, SourceFile.uri(absolute, root), SourceFile.isBelow(absolute, root), kind);
  }

  private static SourceFile.Kind kindOr(SourceFile.Kind kind, SourceFile.Kind fallback) {
    return kind != null ? kind : fallback;
  }

  private Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private void walk(
      String argument, Path directory, Consumer<SourceFile> sink, Consumer<IoFailure> unreadable) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (dir.equals(directory)) {
                return FileVisitResult.CONTINUE;
              }
              Path relative = directory.relativize(dir);
              if (SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName()))
                  || excluded(relative)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Path relative = directory.relativize(file);
              if (attributes.isRegularFile() && !excluded(relative) && included(relative)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              unreadable.accept(new IoFailure(file.toString(), e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new IoFailure(argument, e);
    }
    files.sort(null);
    boolean here = directory.normalize().toString().isEmpty();
    for (Path file : files) {
      sink.accept(file(here ? directory.relativize(file).toString() : file.toString(), file));
    }
  }

  private boolean excluded(Path relative) {
    for (Glob glob : excludes) {
      if (glob.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  private boolean included(Path relative) {
    if (includes.isEmpty()) {
      return true;
    }
    for (Glob glob : includes) {
      if (glob.matches(relative)) {
        return true;
      }
    }
    return false;
  }
}
