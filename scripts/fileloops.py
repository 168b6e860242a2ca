"""File-level import graph inside each crate; prints cycles (strongly connected components > 1)."""
import os,re,sys,collections
def modpath(src,p):
    rel=os.path.relpath(p,src)[:-3].split('/')
    if rel[-1] in('mod','lib','main'): rel=rel[:-1]
    return tuple(rel)
def strip_tests(t):
    out=[];i=0
    while True:
        m=re.search(r'#\[cfg\(test\)\]\s*(pub(\(crate\))?\s+)?mod\s+\w+\s*\{',t[i:])
        if not m: out.append(t[i:]);break
        s=i+m.start(); out.append(t[i:s]); j=i+m.end(); d=1
        while d>0 and j<len(t):
            if t[j]=='{': d+=1
            elif t[j]=='}': d-=1
            j+=1
        i=j
    return ''.join(out)
def expand(prefix, body):
    # expand use tree into full paths
    res=[]
    d=0;cur='';items=[]
    for ch in body:
        if ch=='{': d+=1
        if ch=='}': d-=1
        if ch==',' and d==0: items.append(cur);cur=''
        else: cur+=ch
    items.append(cur)
    for it in items:
        it=it.strip()
        if not it: continue
        m=re.match(r'([\w:]*?)::\{(.*)\}$',it,re.S)
        if m: res+=expand(prefix+[s for s in m.group(1).split('::') if s], m.group(2))
        else: res.append(prefix+[s for s in it.split(' as ')[0].split('::') if s])
    return res
def analyze(src):
    files={}
    for root,_,fs in os.walk(src):
        for f in fs:
            if f.endswith('.rs'):
                p=os.path.join(root,f)
                if '/tests/' in p or f in('tests.rs',) or f.endswith('_tests.rs') or f=='testing.rs': continue
                files[modpath(src,p)]=p
    mods=set(files)
    g=collections.defaultdict(set)
    for mp,p in files.items():
        t=re.sub(r'//[^\n]*','',open(p).read()); t=strip_tests(t)
        paths=[]
        for m in re.finditer(r'\buse\s+([^;]+);',t,re.S):
            u=m.group(1).strip()
            mm=re.match(r'([\w:]*?)::\{(.*)\}$',u,re.S)
            if mm: paths+=expand([s for s in mm.group(1).split('::') if s],mm.group(2))
            else: paths.append([s for s in u.split(' as ')[0].split('::') if s])
        for m in re.finditer(r'\b((?:crate|super|self)(?:::\w+)+)',t):
            paths.append(m.group(1).split('::'))
        base=list(mp) if not (p.endswith('mod.rs') or p.endswith('lib.rs')) else list(mp)
        for path in paths:
            if not path: continue
            if path[0]=='crate': rel=path[1:]
            elif path[0]=='super':
                cur=list(mp)
                if not (p.endswith('mod.rs') or p.endswith('lib.rs')): cur=cur  # file module: super = parent
                k=0
                while k<len(path) and path[k]=='super': cur=cur[:-1]; k+=1
                rel=cur+path[k:]
            elif path[0]=='self': rel=list(mp)+path[1:]
            else: continue
            # longest module prefix
            best=None
            for i in range(len(rel),-1,-1):
                if tuple(rel[:i]) in mods: best=tuple(rel[:i]); break
            if best is not None and best!=mp and best!=tuple():
                # ignore parent-module (mod.rs) reexport targets? keep them
                g[mp].add(best)
    # tarjan
    idx={};low={};st=[];on=set();out=[];c=[0]
    def sc(v):
        idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
        for w in g[v]:
            if w not in idx: sc(w);low[v]=min(low[v],low[w])
            elif w in on: low[v]=min(low[v],idx[w])
        if low[v]==idx[v]:
            comp=[]
            while True:
                w=st.pop();on.discard(w);comp.append(w)
                if w==v: break
            if len(comp)>1: out.append(comp)
    sys.setrecursionlimit(10000)
    for v in list(files):
        if v not in idx: sc(v)
    return out,g
for src in sys.argv[1:]:
    comps,g=analyze(src)
    for comp in comps:
        print(src, ' <-> '.join('::'.join(x) or 'lib' for x in sorted(comp)))
