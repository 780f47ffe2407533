/** The page's one style sheet, served as /kieu.css (the Content-Security-Policy allows no inline style). */
export const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1f24;background:#f4f5f7}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,textarea:focus,select:focus{outline:3px solid #f0b400;outline-offset:1px}
header.top{background:#0b3d74;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header.top a{color:#fff}
header.top .who{font-size:.9rem}
header.top form{display:inline}
header.top button{background:transparent;color:#fff;border:1px solid #fff;padding:.2rem .6rem;font-size:.9rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.5rem;margin:0 0 1rem;padding:0;list-style:none}
.counts li{background:#fff;border:1px solid #d5d9de;border-radius:6px;padding:.5rem .75rem}
.counts .n{display:block;font-size:1.6rem;font-weight:700}
.counts .late .n{color:#b3261e}.counts .ok .n{color:#1e6b30}
.tasks{list-style:none;margin:0;padding:0}
.tasks li{background:#fff;border:1px solid #d5d9de;border-left:5px solid #8a94a0;border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
.tasks li.late{border-left-color:#b3261e}.tasks li.soon{border-left-color:#c77700}.tasks li.term{border-left-color:#1e6b30}
.tasks .text{font-weight:600;overflow-wrap:anywhere}
.meta{color:#4a535e;font-size:.92rem;margin:.2rem 0 0;overflow-wrap:anywhere}
.state{font-weight:700}.late .state{color:#b3261e}
.note{font-size:.92rem;margin:.3rem 0 0;overflow-wrap:anywhere}
.box{background:#fff;border:1px solid #d5d9de;border-radius:6px;padding:1rem;margin:1rem 0}
form.stack label{display:block;font-weight:600;margin:.7rem 0 .2rem}
form.stack .hint{display:block;font-weight:400;color:#4a535e;font-size:.9rem}
input[type=text],input[type=email],input[type=date],textarea,select{width:100%;max-width:32rem;font:inherit;padding:.45rem .5rem;border:1px solid #8a94a0;border-radius:4px;background:#fff}
input[type=file]{font:inherit;max-width:100%}
textarea{min-height:5rem}
button{font:inherit;cursor:pointer;background:#0b4f9c;color:#fff;border:0;border-radius:4px;padding:.5rem 1rem;margin-top:.8rem}
button.secondary{background:#4a535e}
button.danger{background:#b3261e}
.flash{background:#e6f4ea;border:1px solid #1e6b30;border-radius:6px;padding:.6rem .8rem}
.error{background:#fdecea;border:1px solid #b3261e;border-radius:6px;padding:.6rem .8rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d5d9de;padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef1f4}
.requests form{display:inline-block;margin-right:.5rem}
.requests input[type=text]{width:12rem}
.downloads li{margin:.3rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
.grid2{display:grid;gap:0 1rem;grid-template-columns:minmax(0,1fr)}
.grid2>*{min-width:0}
.box h2{margin-top:0}
@media (min-width:60rem){.grid2{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}table.wide thead{display:none}table.wide tr{display:block;border:1px solid #d5d9de;margin:.5rem 0}table.wide td{display:block;border:0}}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem}
`;
