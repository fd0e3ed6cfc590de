#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static size_t textlen;
static void walk(GumboNode *n) {
  if (n->type == GUMBO_NODE_TEXT) { textlen += strlen(n->v.text.text); return; }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
  GumboVector *c = n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children : &n->v.document.children;
  for (unsigned i = 0; i < c->length; i++) walk(c->data[i]);
}
int main(void) {
  FILE *f = fopen("pages.bin", "rb"); fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
  char *buf = malloc(n); fread(buf, 1, n, f); fclose(f);
  clock_t t0 = clock(); size_t total = 0; int pages = 0;
  for (long p = 0; p < n;) { unsigned len; memcpy(&len, buf + p, 4); p += 4;
    GumboOutput *o = gumbo_parse_with_options(&kGumboDefaultOptions, buf + p, len);
    walk(o->root); gumbo_destroy_output(&kGumboDefaultOptions, o); p += len; total += len; pages++; }
  double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("%d pages, %.1f MB, %.2f CPU s, %.1f MB/s, text %zu\n", pages, total / 1e6, s, total / 1e6 / s, textlen);
}
