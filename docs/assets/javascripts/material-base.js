/* Material for MkDocs 9.8.1, partials/javascripts/base.html, as a file (overrides/partials/javascripts/).
   This file lives at <site>/assets/javascripts/, so the site root is two levels up:
   the same URL as Material's new URL(base_url, location), at the root or under a sub-path. */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
