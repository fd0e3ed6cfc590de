extension ReportPage {
    /// The page's style: system fonts, a readable column on a laptop, and a print layout
    /// (no navigation, no sorting hint, sections kept whole where they fit).
    static let css = """
    :root{--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#fff;--band:#f4f6f9}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
    header,main,footer{max-width:1180px;margin:0 auto;padding:0 20px}
    header{padding-top:16px}
    h1{font-size:24px;margin:0}
    h2{font-size:19px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
    h3{font-size:15px;margin:16px 0 6px}
    .dir{color:var(--muted);margin:2px 0 8px;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
    nav{margin:8px 0;padding:6px 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
    nav a{margin-right:14px;color:#2456a6;text-decoration:none}
    .status{padding:8px 12px;border-radius:6px;margin:8px 0}
    .complete{background:#e7f4ea;border:1px solid #9fd0aa}
    .incomplete{background:#fff4e0;border:1px solid #f0c36d}
    .incomplete ul{margin:4px 0 0 18px;padding:0}
    .warning{background:#fdeceb;border:1px solid #eca7a1;padding:8px 12px;border-radius:6px}
    .note{color:var(--muted);font-size:13px}
    table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
    th,td{padding:3px 10px 3px 0;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
    thead th{border-bottom:2px solid var(--line);white-space:nowrap}
    .kv th{font-weight:600;color:var(--muted);padding-right:18px}
    .n{text-align:right;font-variant-numeric:tabular-nums}
    td.file{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all;max-width:420px}
    .error{color:#a3281d;font-family:system-ui,sans-serif}
    .st-failed{color:#a3281d;font-weight:600}.st-progress{color:#9a5b00;font-weight:600}
    table.sortable th{cursor:pointer;user-select:none}
    table.sortable th[data-order=asc]::after{content:" \\25B2"}table.sortable th[data-order=desc]::after{content:" \\25BC"}
    .counter{display:inline-block;margin:0 10px 2px 0;white-space:nowrap}
    svg.chart{display:block;max-width:100%;height:auto;margin:4px 0 10px}
    svg.chart text{font-size:12px;fill:var(--fg)}svg.chart .tick{font-size:11px;fill:var(--muted)}
    svg.chart .axis{stroke:#9aa3b2;stroke-width:1}svg.chart .axis-label{font-size:12px;fill:var(--muted)}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:6px 28px}
    .sample{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:6px 10px;background:var(--band)}
    .sample .meta{font-size:12px;color:var(--muted);word-break:break-all}
    .sample .detail{font-size:12px;color:#8a4b00}
    .sample pre{margin:4px 0 0;white-space:pre-wrap;word-break:break-word;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;max-height:16em;overflow:auto}
    footer{color:var(--muted);font-size:12px;margin-top:30px;padding-bottom:24px}
    @media print{
      body{font-size:11px}nav,.screen{display:none}
      header,main,footer{max-width:none;padding:0}
      section{break-inside:auto}h2,h3{break-after:avoid}
      svg.chart,.sample,tr{break-inside:avoid}
      .sample pre{max-height:none;overflow:visible}
      .grid{display:block}
      a{color:inherit;text-decoration:none}
    }
    """

    /// Sorts a table by the clicked column: numbers by their `data-v`, text by its content.
    static let script = """
    document.querySelectorAll("table.sortable").forEach(function(table){
      var heads=table.tHead.rows[0].cells;
      Array.prototype.forEach.call(heads,function(th,col){
        th.addEventListener("click",function(){
          var asc=th.getAttribute("data-order")!=="asc";
          Array.prototype.forEach.call(heads,function(h){h.removeAttribute("data-order");});
          th.setAttribute("data-order",asc?"asc":"desc");
          var num=th.getAttribute("data-type")==="num",body=table.tBodies[0];
          var rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){
            var x=a.cells[col],y=b.cells[col],c;
            if(num){c=parseFloat(x.getAttribute("data-v"))-parseFloat(y.getAttribute("data-v"));}
            else{c=x.textContent.localeCompare(y.textContent);}
            return asc?c:-c;
          });
          rows.forEach(function(r){body.appendChild(r);});
        });
      });
    });
    """
}
