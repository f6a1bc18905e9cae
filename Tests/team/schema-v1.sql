--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: ccusage; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA ccusage;


--
-- Name: rollup_events(); Type: FUNCTION; Schema: ccusage; Owner: -
--

CREATE FUNCTION ccusage.rollup_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'ccusage', 'pg_catalog'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_team AS r (slot, source, model, fast, first_ts, events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display) SELECT slot, source, coalesce(model, ''), fast, min(ts), count(*), sum(input_tokens), sum(output_tokens), sum(cache_creation_tokens), sum(cache_read_tokens), sum(cost_auto), sum(cost_calculate), sum(cost_display) FROM new_rows GROUP BY slot, source, coalesce(model, ''), fast
ON CONFLICT (slot, source, model, fast) DO UPDATE SET first_ts = least(r.first_ts, excluded.first_ts), events = r.events + excluded.events, input_tokens = r.input_tokens + excluded.input_tokens, output_tokens = r.output_tokens + excluded.output_tokens, cache_creation_tokens = r.cache_creation_tokens + excluded.cache_creation_tokens, cache_read_tokens = r.cache_read_tokens + excluded.cache_read_tokens, cost_auto = r.cost_auto + excluded.cost_auto, cost_calculate = r.cost_calculate + excluded.cost_calculate, cost_display = r.cost_display + excluded.cost_display;
    INSERT INTO rollup_member AS r (slot, source, model, fast, user_name, machine, first_ts, events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display) SELECT slot, source, coalesce(model, ''), fast, user_name, machine, min(ts), count(*), sum(input_tokens), sum(output_tokens), sum(cache_creation_tokens), sum(cache_read_tokens), sum(cost_auto), sum(cost_calculate), sum(cost_display) FROM new_rows GROUP BY slot, source, coalesce(model, ''), fast, user_name, machine
ON CONFLICT (slot, source, model, fast, user_name, machine) DO UPDATE SET first_ts = least(r.first_ts, excluded.first_ts), events = r.events + excluded.events, input_tokens = r.input_tokens + excluded.input_tokens, output_tokens = r.output_tokens + excluded.output_tokens, cache_creation_tokens = r.cache_creation_tokens + excluded.cache_creation_tokens, cache_read_tokens = r.cache_read_tokens + excluded.cache_read_tokens, cost_auto = r.cost_auto + excluded.cost_auto, cost_calculate = r.cost_calculate + excluded.cost_calculate, cost_display = r.cost_display + excluded.cost_display;
  ELSE
    INSERT INTO rollup_team AS r (slot, source, model, fast, first_ts, events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display) SELECT slot, source, model, fast, min(ts), sum(sign), sum(input_tokens), sum(output_tokens), sum(cache_creation_tokens), sum(cache_read_tokens), sum(cost_auto), sum(cost_calculate), sum(cost_display) FROM (
  SELECT slot, source, coalesce(model, '') AS model, fast, ts, sign, sign * input_tokens AS input_tokens, sign * output_tokens AS output_tokens, sign * cache_creation_tokens AS cache_creation_tokens, sign * cache_read_tokens AS cache_read_tokens, sign * cost_auto AS cost_auto, sign * cost_calculate AS cost_calculate, sign * cost_display AS cost_display FROM (SELECT *, 1 AS sign FROM new_rows) n
  UNION ALL
  SELECT slot, source, coalesce(model, '') AS model, fast, ts, sign, sign * input_tokens AS input_tokens, sign * output_tokens AS output_tokens, sign * cache_creation_tokens AS cache_creation_tokens, sign * cache_read_tokens AS cache_read_tokens, sign * cost_auto AS cost_auto, sign * cost_calculate AS cost_calculate, sign * cost_display AS cost_display FROM (SELECT *, -1 AS sign FROM old_rows) o
) d GROUP BY slot, source, model, fast
ON CONFLICT (slot, source, model, fast) DO UPDATE SET first_ts = least(r.first_ts, excluded.first_ts), events = r.events + excluded.events, input_tokens = r.input_tokens + excluded.input_tokens, output_tokens = r.output_tokens + excluded.output_tokens, cache_creation_tokens = r.cache_creation_tokens + excluded.cache_creation_tokens, cache_read_tokens = r.cache_read_tokens + excluded.cache_read_tokens, cost_auto = r.cost_auto + excluded.cost_auto, cost_calculate = r.cost_calculate + excluded.cost_calculate, cost_display = r.cost_display + excluded.cost_display;
    INSERT INTO rollup_member AS r (slot, source, model, fast, user_name, machine, first_ts, events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display) SELECT slot, source, model, fast, user_name, machine, min(ts), sum(sign), sum(input_tokens), sum(output_tokens), sum(cache_creation_tokens), sum(cache_read_tokens), sum(cost_auto), sum(cost_calculate), sum(cost_display) FROM (
  SELECT slot, source, coalesce(model, '') AS model, fast, user_name, machine, ts, sign, sign * input_tokens AS input_tokens, sign * output_tokens AS output_tokens, sign * cache_creation_tokens AS cache_creation_tokens, sign * cache_read_tokens AS cache_read_tokens, sign * cost_auto AS cost_auto, sign * cost_calculate AS cost_calculate, sign * cost_display AS cost_display FROM (SELECT *, 1 AS sign FROM new_rows) n
  UNION ALL
  SELECT slot, source, coalesce(model, '') AS model, fast, user_name, machine, ts, sign, sign * input_tokens AS input_tokens, sign * output_tokens AS output_tokens, sign * cache_creation_tokens AS cache_creation_tokens, sign * cache_read_tokens AS cache_read_tokens, sign * cost_auto AS cost_auto, sign * cost_calculate AS cost_calculate, sign * cost_display AS cost_display FROM (SELECT *, -1 AS sign FROM old_rows) o
) d GROUP BY slot, source, model, fast, user_name, machine
ON CONFLICT (slot, source, model, fast, user_name, machine) DO UPDATE SET first_ts = least(r.first_ts, excluded.first_ts), events = r.events + excluded.events, input_tokens = r.input_tokens + excluded.input_tokens, output_tokens = r.output_tokens + excluded.output_tokens, cache_creation_tokens = r.cache_creation_tokens + excluded.cache_creation_tokens, cache_read_tokens = r.cache_read_tokens + excluded.cache_read_tokens, cost_auto = r.cost_auto + excluded.cost_auto, cost_calculate = r.cost_calculate + excluded.cost_calculate, cost_display = r.cost_display + excluded.cost_display;
  END IF;
  RETURN NULL;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: events; Type: TABLE; Schema: ccusage; Owner: -
--

CREATE TABLE ccusage.events (
    source text NOT NULL,
    dedup_key text NOT NULL,
    user_name text NOT NULL,
    machine text NOT NULL,
    ts bigint NOT NULL,
    slot integer NOT NULL,
    session_id text NOT NULL,
    project text NOT NULL,
    project_path text NOT NULL,
    model text,
    fast boolean NOT NULL,
    sidechain boolean NOT NULL,
    version text,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_creation_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    cost_auto double precision NOT NULL,
    cost_calculate double precision NOT NULL,
    cost_display double precision NOT NULL,
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    synced_by name DEFAULT CURRENT_USER NOT NULL
);


--
-- Name: meta; Type: TABLE; Schema: ccusage; Owner: -
--

CREATE TABLE ccusage.meta (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: rollup_member; Type: TABLE; Schema: ccusage; Owner: -
--

CREATE TABLE ccusage.rollup_member (
    slot integer NOT NULL,
    source text NOT NULL,
    model text NOT NULL,
    fast boolean NOT NULL,
    user_name text NOT NULL,
    machine text NOT NULL,
    first_ts bigint NOT NULL,
    events bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_creation_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    cost_auto double precision NOT NULL,
    cost_calculate double precision NOT NULL,
    cost_display double precision NOT NULL
);


--
-- Name: rollup_team; Type: TABLE; Schema: ccusage; Owner: -
--

CREATE TABLE ccusage.rollup_team (
    slot integer NOT NULL,
    source text NOT NULL,
    model text NOT NULL,
    fast boolean NOT NULL,
    first_ts bigint NOT NULL,
    events bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_creation_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    cost_auto double precision NOT NULL,
    cost_calculate double precision NOT NULL,
    cost_display double precision NOT NULL
);


--
-- Data for Name: events; Type: TABLE DATA; Schema: ccusage; Owner: -
--

COPY ccusage.events (source, dedup_key, user_name, machine, ts, slot, session_id, project, project_path, model, fast, sidechain, version, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display, synced_at, synced_by) FROM stdin;
claude	c936baf3d775b7180b1bdceec25c2a4f-10a46f15e0db6b01	dana	laptop1	1748181879806	1942424	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	2	233	20641	0	0.40452374999999996	0.40452374999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	fafb7fb903ced9a8549c04a79ca1a343-12e5d324a66c82c1	dana	laptop1	1748182363719	1942424	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	12	168	20892	0	0.404505	0.404505	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3bba767df3e453c27c266f237dd59915-010ff8b7b0c539f5	dana	laptop1	1748182569155	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	6	1636	196	20892	0.157803	0.157803	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	23e5e9fa96f5c492c8639d1813dfa1a0-d57aebad29ebbfbb	dana	laptop1	1748182585082	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	11	1104	1662	21088	0.1457595	0.1457595	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4d4955d78b6121440205f1aebfc82f60-20e4c7c676ca2fa9	dana	laptop1	1748182594037	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	2395	156	1486	22750	0.1096125	0.1096125	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a8f47c5b76b8267aedcc84792674c543-b5462e6498490993	dana	laptop1	1748182613421	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	10	3166	4540	24236	0.359079	0.359079	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f07de49d5a364da748a1bb8ca73392ae-019e34fa78649ed1	dana	laptop1	1748182630052	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	8	124	3274	28776	0.1139715	0.1139715	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7389bfc88a042cea44aa9afbabb8a50e-9addfb030eb882f3	dana	laptop1	1748182943335	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	9	380	32241	0	0.63315375	0.63315375	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4261601a86540b22770e1c79b9cad79c-c4dd07be6e0a12e3	dana	laptop1	1748182994187	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	2	267	605	32241	0.07976025	0.07976025	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	726ee641c219f972a48401d413134d93-a63ad96835deed33	dana	laptop1	1748183007229	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	10	358	5168	32846	0.173169	0.173169	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e9ab88681a5253c51cbe713855a91775-8a432284f2582a2f	dana	laptop1	1748183015193	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	11	324	947	38014	0.09924225	0.09924225	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2402961d1021879b53b09504605dc2db-d05f13aa1eaa04e5	dana	laptop1	1748183056980	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	2	639	660	38961	0.1187715	0.1187715	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	92faa7397d68d4d10d4f6d1a61af03f7-d9381301a0be7abb	dana	laptop1	1748183080760	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	5	46	10657	39621	0.26277525	0.26277525	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	86d68f04b61bf7b3666bb11e969ad80c-1d7e58257442c873	dana	laptop1	1748183092558	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	6	33	2555	50278	0.12588824999999998	0.12588824999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	566a68594fd73f6244f560eaa4804ac2-7ff32dacc17ba053	dana	laptop1	1748183111202	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	10	147	556	52833	0.1008495	0.1008495	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0fd3a691a69c6f2c4aa35f6498bc840b-df3d789027dcd0e5	dana	laptop1	1748183144012	1942425	2ff08076-74ed-4e24-a9e0-430889dffd1d	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.88	1867	97	582	53389	0.126276	0.126276	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0cecf98e2553f24492697bb178bd8107-be53914d60df535b	dana	laptop1	1747786703185	1941985	884a7182-930c-4df1-894a-258fff7bb86b	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-5-20250929	f	f	2.0.14	3391	296	0	9321	0.017409300000000003	0.017409300000000003	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ff3821a9086ce08d2f881b7bfd89919e-9244dfb0561a7caf	dana	laptop1	1747787112354	1941985	884a7182-930c-4df1-894a-258fff7bb86b	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-5-20250929	f	f	2.0.14	6	555	13033	0	0.057216750000000004	0.057216750000000004	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b2c8946679413ab5fecf2f31748acd2b-875d2cfd5dfa9fb5	dana	laptop1	1747787123104	1941985	884a7182-930c-4df1-894a-258fff7bb86b	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-5-20250929	f	f	2.0.14	3	276	5158	13033	0.027401400000000003	0.027401400000000003	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	556196660159c8c6fbc0e1f9ef4dd804-0fdcc6f6ff3c85c9	dana	laptop1	1747787137614	1941985	884a7182-930c-4df1-894a-258fff7bb86b	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-5-20250929	f	f	2.0.14	10	140	899	18191	0.010958550000000001	0.010958550000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e2100b6a7b488973c8f94980b451bcee-0e76ed79f8a08c99	dana	laptop1	1747787149075	1941985	884a7182-930c-4df1-894a-258fff7bb86b	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-5-20250929	f	f	2.0.14	3341	59	995	19090	0.020366250000000002	0.020366250000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f70418abacbc16eab87bf9944993430d-3ff36fd2e4bcac41	dana	laptop1	1747863290505	1942070	c6eb1390-7a85-45f8-982b-c7269030d077	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.113	3	104	19732	0	0.0826155	0.0826155	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a248f76f0f22028a2bcb969837557cd2-908f38291ccba5eb	dana	laptop1	1747863375508	1942070	c6eb1390-7a85-45f8-982b-c7269030d077	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.113	12	429	769	19732	0.01554885	0.01554885	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	431022ea3bc62ccd5d3afa7a3ecd162a-d6b8069944518ced	dana	laptop1	1747863400524	1942070	c6eb1390-7a85-45f8-982b-c7269030d077	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.113	198	205	564	20501	0.012134550000000001	0.012134550000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	eb2c52be0f9b4da59b1ec494b64f538f-13f49155f4ee1059	dana	laptop1	1748107869188	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	1	2372	19175	0	0.53744625	0.5374462499999999	0.53744625	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7f5be4fa7d58a531f114e2a62655968b-d029d9a35e574afd	dana	laptop1	1748107894272	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	1706	258	2848	19175	0.1271025	0.1271025	0.1271025	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	03f947e4d2f1abd6b8a076ec19c6166a-0e7d808a954ce9ef	dana	laptop1	1748107999254	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	4	282	5881	22023	0.16451325	0.16451324999999997	0.16451325	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	60256d430e2c92ef22921fc116431c44-7492d3c1ca0b74bd	dana	laptop1	1748108012302	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	6	244	4118	27904	0.1374585	0.13745849999999998	0.1374585	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	657358ab6a1a52841f34fee453ca5728-e6cfffcbf3eff801	dana	laptop1	1748108035505	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	1	1953	2330	32022	0.2382105	0.23821049999999996	0.2382105	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3fe4c3e6c6499f56b5d5055a852078a3-b0210d030057575b	dana	laptop1	1748108047918	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	9	250	2873	34352	0.12428175	0.12428175	0.12428175	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1effd38898610f4997eb94001819bc82-7a268132364053f5	dana	laptop1	1747786870543	1941985	f2199c13-83c9-41ec-8401-7ff973282f49	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.88	725	332	15405	0	0.06492375	0.06492375	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	73b1dbdbb532e55bb3e5cd3a000a5c87-0f052fc97171050d	dana	laptop1	1747786933177	1941985	f2199c13-83c9-41ec-8401-7ff973282f49	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.88	10	142	2323	15405	0.01549275	0.01549275	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9661637e0d5a95c2607b869cb5055b84-182aa8ae09d99b23	dana	laptop1	1747786956863	1941985	f2199c13-83c9-41ec-8401-7ff973282f49	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.88	8	186	495	17728	0.00998865	0.00998865	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	362c420b4c4e575fec43e0ac8f523bd0-547fef05f20ccaef	dana	laptop1	1747786969222	1941985	f2199c13-83c9-41ec-8401-7ff973282f49	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.88	2463	474	704	18223	0.0226059	0.0226059	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	08d0188eddecd843d909c2430256b43b-1f1bea49284e6649	dana	laptop1	1747787028723	1941985	f2199c13-83c9-41ec-8401-7ff973282f49	-Users-dev-code-api	-Users-dev-code-api	claude-sonnet-4-20250514	f	f	1.0.88	11	580	3321	18927	0.026864849999999996	0.026864849999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ee1d42deaa765cc6e1a26744f014a8bf-871159ded607fcc5	dana	laptop1	1747884782173	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	1	96	1655	14049	0.01977325	0.01977325	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d951eaee4279c54a3562279136d3f8f8-b322d82db1c5b5d1	dana	laptop1	1747884812300	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	4	230	180	15704	0.014747	0.014747	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6e4109f0828b97291fd2ba2d60bb1088-326680c2d6dab00f	dana	laptop1	1747884877489	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	8	441	1867	15884	0.03067575	0.03067575	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	bf3141feee5f03af68bd0d9f82a18d60-22af4fa4491b0cb3	dana	laptop1	1747884884717	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	2739	375	1989	17751	0.04437675	0.04437675	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	35f7b4cd7676336de234217a8e2b9660-1e3490742a349f2f	dana	laptop1	1747884893911	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	8	690	4708	19740	0.056584999999999996	0.056584999999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	82ddd6c7db4fa00ac5b393bf655cc22d-a8483b9bbe2f1d33	dana	laptop1	1747884919330	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	11	28	4560	24448	0.041479	0.041479	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e7a9f0d6bb2b0fd7a5681275c070df9c-71bb3279af7aaee9	dana	laptop1	1747885437521	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	9	632	16660	12411	0.1261755	0.1261755	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	47c70bf73d0b33ff9b68f8e426eb08e8-aa5a05964c2620e3	dana	laptop1	1747885465647	1942094	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	6	2654	699	29071	0.08528425	0.08528425	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ffb458176399a57627fe98cb744693ae-41094e487dd88cef	dana	laptop1	1747885506504	1942095	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	2	168	3348	29770	0.04002	0.04002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	aa5f4ddc4da2b3d8f040328c3e1f607f-9a857986fb95ff7f	dana	laptop1	1747885514470	1942095	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	11	261	886	33118	0.0286765	0.0286765	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f66e24dbddfaca6dcccdaadfecfcd9c3-2555d3b00aafc9e7	dana	laptop1	1747885527159	1942095	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	10	292	854	34004	0.0296895	0.0296895	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	614e8205275f5a7f5c0dd5f8da23990b-2461d6ee4f5eef1f	dana	laptop1	1747885548965	1942095	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	7	2730	328	34858	0.087764	0.087764	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	aff05d9873aee18e16cf2815852f2f99-7910556724147a07	dana	laptop1	1747885649217	1942095	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	7	184	8936	35186	0.07807800000000001	0.07807800000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	99c44effcb6dccc7352ec5ef5d1dea2d-7e24a302330c86f1	dana	laptop1	1747886224260	1942095	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	1	286	44330	0	0.2842175	0.2842175	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f29d3e51db618eaccf27358ac335d978-3db8c212ba5a2441	dana	laptop1	1747886513178	1942096	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	2	37	293	44330	0.024931250000000002	0.024931250000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	637683317bd6647394db895ae5553aee-fd105dd89c56960f	dana	laptop1	1747886618210	1942096	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	4	33	569	44623	0.02671275	0.02671275	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	53364e02216de0569e1451a9a3e1d850-c1717db47c9bc257	dana	laptop1	1747887166084	1942096	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	2728	114	32993	12256	0.22882425	0.22882425	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8107a03ac09f7601ddf8f5564761b3af-b5797c9605381a4f	dana	laptop1	1747887689214	1942097	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	3462	30	34987	13124	0.24329075000000003	0.24329075000000003	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e82ee0f8cf425811d8dcd3dbda7f12d6-d333b5a9686218af	dana	laptop1	1747887713386	1942097	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	488	2324	4160	48111	0.11059550000000001	0.11059550000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ec103c1022cdbb5a0a93db5cbdc8c2de-8010ab81eefc23cb	dana	laptop1	1747887718205	1942097	06acbfdf-321f-478b-a06d-f887499fafcd	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	3035	44	2856	52271	0.0602605	0.0602605	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	af3ec19d80e2a243dc01a4db1c919187-eed07ddf810407db	dana	laptop1	1747973547385	1942192	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	2	438	16821	0	0.34827375	0.34827375	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e88719df5768907d34c891426c9eb6aa-1c04de9daea8e489	dana	laptop1	1747973611857	1942192	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	2	54	2859	16821	0.08291775	0.08291775	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0669930b30f816e0b7dd95b8f4e8286a-f74885f15f33e0ef	dana	laptop1	1747973630988	1942192	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	9	96	82	19680	0.038392499999999996	0.038392499999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	40edd9514cd8204e5a7d730653b2cc6a-92f096696d95fb2b	dana	laptop1	1747973656965	1942192	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	7	2283	3842	19762	0.27301049999999993	0.27301049999999993	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6717a38c6e673781f0e8cf3b015cd498-803466fe081f4b5f	dana	laptop1	1747973797230	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	7	170	5741	23604	0.15590474999999998	0.15590474999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	697e7fe8baf11aa9f75a9c6e0e7c9f9b-b3898c0de1ef6e0f	dana	laptop1	1747973827981	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	6	43	185	29345	0.05080125	0.05080125	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b6a7fd6ce501d6754285f24d88150fec-75ce556100ad0c87	dana	laptop1	1747973852082	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	4	520	682	29530	0.09614249999999999	0.09614249999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b9ed0e0553ddc0d7b1aa2f03bb2c7b99-ef5fd5aba25701f9	dana	laptop1	1747973917492	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	3	50	2873	30212	0.10298175	0.10298175	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5416e60187bfd8a0992ee5578ad1a1ed-46f839021bf00bc7	dana	laptop1	1747973942804	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	12	116	360	33085	0.0652575	0.0652575	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	715663281e2e86dabacd441bb147a4d5-e01ba403be642117	dana	laptop1	1747973949796	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	1	216	318	33445	0.072345	0.072345	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2e75c2a94e0ca5b2b53eec870b4807ff-49db90140761acc3	dana	laptop1	1747973965742	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	1	66	11996	33763	0.28053449999999996	0.28053449999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e8421cb1f935359188506d388418bd6c-f8156b33890779ef	dana	laptop1	1747973984623	1942193	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	9	35	705	45759	0.08461725	0.08461725	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a586ff493a1fa20861584b30f8a0ff57-a9160470f58ef569	dana	laptop1	1747984644294	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	1	208	32537	14024	0.6467197499999999	0.6467197499999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8a6b6f5f9c5c906af14f0fa8f45a27b4-22c12ed0314b71b3	dana	laptop1	1747984672411	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	2	208	630	46561	0.097284	0.097284	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9672facd1d4f7376201189022c7b5e5c-f03e836fa413046d	dana	laptop1	1747984684100	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	7	69	814	47191	0.091329	0.091329	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	241ead7ed67a77c8c4a0456ed57d400b-f9bf352fe63cc6b9	dana	laptop1	1747984692347	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	4	249	1620	48005	0.12111749999999999	0.12111749999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ba629d4d04dc168a3b1dd0a7dae8bbfa-43400a8c17e3cec3	dana	laptop1	1747984717737	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	5	44	1021	49625	0.09695625	0.09695625	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2d2e0f71c68d8057394d109b7e013985-9591fb9e260f13ef	dana	laptop1	1747984729982	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	7	140	292	50646	0.092049	0.092049	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	db0a477deaee17102f37e39b1b926683-7ad4b255da034251	dana	laptop1	1747984773592	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	1	86	1127	50938	0.10400324999999999	0.10400324999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2082e83b47d6c5bd81f9c7c4fa700196-27a1c6a0c81618ff	dana	laptop1	1747984785823	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	4	156	113	52065	0.09197625	0.09197625	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7b18d1422190de4a872781dc87ad9903-3ec60e780ecb819f	dana	laptop1	1747984813559	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	7	606	391	52178	0.13115325	0.13115325	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	95b070f4bfa4b0967ded7ef3ea7c24b3-b7aeb1299357bc7b	dana	laptop1	1747984852309	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	5	108	1621	52569	0.11742225	0.11742225	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2c452f9e4bb27d016f5dea8de27c570b-f25e3f68736948db	dana	laptop1	1747985049755	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	10	186	127	54190	0.09776625	0.09776625	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a59541c7b6e5da1202d4f057d3bbae50-c99a85769155c45b	dana	laptop1	1747985065933	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	12	409	1066	54317	0.132318	0.132318	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1399e242cc2f5eb104d2cb181ac84343-58b9c5410c370957	dana	laptop1	1747985091332	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	10	578	458	55383	0.135162	0.135162	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b880342fb2d6535363f37eb9bc2e9fb0-17b4b656a608f65b	dana	laptop1	1747985150416	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	11	1010	2290	55841	0.20261400000000002	0.20261400000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	206b0eb14c8343197e92af6f0b8a7c3f-ec39601a3739aa1f	dana	laptop1	1747985176306	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	7	32	1469	58131	0.11724525	0.11724525	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e5e7178a9ae55f4d9b34089b997a8136-9c41d400e020c749	dana	laptop1	1747985221651	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	9	360	431	59600	0.12461625000000001	0.12461625000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4eddafe42d35cdd498f796f2ef8dc601-629704886eb91edf	dana	laptop1	1747985287492	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	9	60	395	60031	0.10208775	0.10208775	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a0939848b5b833cd1e85bb7f94ab7700-1ce2f14f419656ff	dana	laptop1	1747985308811	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	5	98	396	60426	0.105489	0.105489	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8214997d3dfb2bee0f51ed75ebb90477-8c4f0750ae293aa9	dana	laptop1	1747985317200	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	2	36	350	60822	0.1005255	0.1005255	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b3b034d5dcf6a37ab424f43880270e48-f7904fb201bfdf9b	dana	laptop1	1747985322879	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	8	921	703	61172	0.17413425	0.17413425	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5fccc138442e14f96bcba8f3585e4006-0e6ce3b9f96ffb83	dana	laptop1	1747985346539	1942205	0a261b83-0a4c-49c1-af50-e329284f8565	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	1.0.88	1572	125	1441	61875	0.15278625	0.15278625	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e9c179362c253b790d501d18d83b3250-4932a3a799b020ad	dana	laptop1	1747882919544	1942092	14f7468d-1ecf-453f-8628-1cbf3fbab031	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	9	296	0	9396	0.0072858	0.0072858	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	84d70ef78554a41cbc440e0f0c84e45b-1ee3b9e8fc64dc11	dana	laptop1	1747882967000	1942092	14f7468d-1ecf-453f-8628-1cbf3fbab031	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	8	192	1309	9396	0.01063155	0.01063155	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a0e6eec1fccc390d14b20c44985e4d4a-996c7194c2fe9381	dana	laptop1	1747882975835	1942092	14f7468d-1ecf-453f-8628-1cbf3fbab031	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.76	3	1264	226	10705	0.0076760000000000005	0.0076760000000000005	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3acbe1b376f52019dfd944a5be74b035-fb7ce9fe00c996c3	dana	laptop1	1747882988698	1942092	14f7468d-1ecf-453f-8628-1cbf3fbab031	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.76	2	116	4250	10931	0.0069876	0.0069876	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4b381e0bd80a3aa08c158ea8fb96b073-1817a2105e99d91f	dana	laptop1	1747883005736	1942092	14f7468d-1ecf-453f-8628-1cbf3fbab031	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	7	373	2141	15181	0.01819905	0.01819905	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	217c4b9c45d66324f4b44a13860b04f8-c162bd8614745f91	dana	laptop1	1747883568339	1942092	14f7468d-1ecf-453f-8628-1cbf3fbab031	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	2	646	19490	0	0.0827835	0.0827835	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	babb4d6219f944a620674df4c5d4b63c-0000000000000000	dana	laptop1	1747749199402	1941943	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	1	1020	0	10957	0.030983500000000004	0.030983500000000004	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d70680d47335a14495ef90e556df10e6-0000000000000000	dana	laptop1	1747749199402	1941943	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	5	80	3044	10957	0.0265285	0.0265285	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f65ce0f1362ea6b2298ae287611fae92-0000000000000000	dana	laptop1	1747749199402	1941943	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	3	140	2115	14001	0.023734250000000002	0.023734250000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3893293dd4a9e6bf620a3c833f2e2e92-0000000000000000	dana	laptop1	1747749199402	1941943	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	4	96	187	16116	0.011646749999999999	0.011646749999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	308d4bcbde6016490ffb280bfe08a70b-3dbfa059df3143c1	dana	laptop1	1747745518610	1941939	859fb556-665b-4334-afa5-b4831222f6ae	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	1224	294	263	16303	0.02326525	0.02326525	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	af14f9ef27e34f7199af5877f497ffbf-18a8a9697e33f487	dana	laptop1	1747749223512	1941943	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	12388	47	0	14187	0.0421251	0.0421251	0.0421251	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e2b7a01cce86335aa3384590673567bc-60742c32b4ee6129	dana	laptop1	1747749551130	1941943	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	8	44	15555	11089	0.06234195	0.06234195	0.06234195	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6a2bf3a8d446bf1b3d22476de46642bf-7576f14d388ddd5d	dana	laptop1	1747750021059	1941944	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	10	147	15100	11614	0.0623442	0.0623442	0.0623442	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7447c4e7e440e5e377f4a90fc471a869-758c9156f4b8fe83	dana	laptop1	1747750345530	1941944	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	3	1946	14616	12261	0.0876873	0.0876873	0.0876873	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0fe689f7bbcb2dac1b6ee64b0ea439bc-ff14c2cebb0df685	dana	laptop1	1747750366764	1941944	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	7	276	2442	26877	0.0213816	0.0213816	0.0213816	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e5a0e69ca6c614cf36866d41dedb70c3-7a5732ae58cca1a5	dana	laptop1	1747750407851	1941944	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	6	1294	3876	29319	0.0427587	0.0427587	0.0427587	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b4347e41a2b88c62792d56462cccbe7f-5ffcbbb3cbb7d3d1	dana	laptop1	1747750421823	1941944	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	6	354	1510	33195	0.020949	0.020949000000000002	0.020949	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e5d22f57bbf7687e6daf29312601f888-05672348f7caebc3	dana	laptop1	1747750532260	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	3	764	1192	34705	0.0263505	0.0263505	0.0263505	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	da6a5cd0049d8f384200a1d5f4db8a1a-eff8f249bfc06c21	dana	laptop1	1747750609421	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	4	1194	1734	35897	0.0351936	0.035193600000000005	0.0351936	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7cf230be58aa45cb846f372c8e942e17-c4a111bb8f811b47	dana	laptop1	1747750628372	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	479	1408	4668	37631	0.0513513	0.0513513	0.0513513	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ce040e6edc8dc9087985ee3de4680ffd-72a1bf677cfaa361	dana	laptop1	1747750822479	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	6	336	7984	42299	0.0476877	0.0476877	0.0476877	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	31f89fedc947f484f8c01bba7fb3424d-0a756906ba2073f7	dana	laptop1	1747750898971	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	6	146	1861	50283	0.02427165	0.02427165	0.02427165	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1f45a672f4cad0c67a7e9b58356eb0e2-fb85cddca1722657	dana	laptop1	1747750920312	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	205	412	0	52144	0.0224382	0.0224382	0.0224382	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	efbfef0c0b0860d532e81f55427b3c18-f4028d25abba4c7b	dana	laptop1	1747750925424	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	3	308	859	52144	0.02349345	0.02349345	0.02349345	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	53d39385b3651bd15f1aadc3250356f7-95d2a2156e0743bb	dana	laptop1	1747751021157	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	6	1294	7335	53003	0.06283515	0.06283514999999999	0.06283515	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8a96a1ddcf77e357aa8991dc6d628392-30bd9e01bbb444cf	dana	laptop1	1747751023847	1941945	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	11	897	1481	60338	0.03714315	0.03714315	0.03714315	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	414492a792a9684db48898d97697f095-de16ebbb29dd4c69	dana	laptop1	1747753533619	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	1316	524	49456	13297	0.2012571	0.20125710000000002	0.2012571	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0d7d19f2272064e00eeb711c22e64830-d588509586594469	dana	laptop1	1747753559351	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	2839	876	2121	62753	0.04843665	0.048436650000000005	0.04843665	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5137133a1c889a4057c14a2fb826ce97-2a62396245b45177	dana	laptop1	1747753579881	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	2894	144	5166	64874	0.0496767	0.049676700000000004	0.0496767	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0a44d8984175ffc1c08aadd0e4156eb5-6a1e35d9147791d1	dana	laptop1	1747753600197	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	9	38	5730	70040	0.0430965	0.043096499999999996	0.0430965	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8d29e61a7881e8008c235074d456bd63-5293281982859d4b	dana	laptop1	1747753623571	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	12	675	799	75770	0.03588825	0.03588825	0.03588825	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1cc67f7c7fe57d3356440de5ad0219bf-e645d7e32fbf5e3b	dana	laptop1	1747753649238	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	4	1634	1329	76569	0.05247645	0.05247645000000001	0.05247645	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f793b0427a1277ca68fde5cd12ba5679-c96545660a1b1059	dana	laptop1	1747753651427	1941948	323e99d2-047a-4e66-895a-efdea6bb8b99	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.24	2061	649	0	77898	0.0392874	0.0392874	0.0392874	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4f3db8c9a01f6113e9b1aaaf85dd5beb-107311f49eadc4ad	dana	laptop1	1748178927012	1942421	38f7331e-2044-4b07-aaea-a644e8e6a3e2	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	2	531	0	13569	0.0120417	0.0120417	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b86d21b5a6f3d77c28d98735548ec271-74626aafe85c8af1	dana	laptop1	1748179261303	1942421	38f7331e-2044-4b07-aaea-a644e8e6a3e2	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	9	606	2919	11189	0.023419950000000002	0.023419950000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d656eb227fe500df5675deb7ada83ad5-f375c29cb708d0f3	dana	laptop1	1748188086280	1942431	38f7331e-2044-4b07-aaea-a644e8e6a3e2	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	7	525	14750	0	0.0632085	0.0632085	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e0b80844233eb3b9534ee6af94816bfe-efdfe4ca9350ebad	dana	laptop1	1748188151713	1942431	38f7331e-2044-4b07-aaea-a644e8e6a3e2	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	7	284	3196	14750	0.020691	0.020691	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	894cf743543b00c7d6193cdd749649b0-b382cc4b4fc1ec13	dana	laptop1	1748188154014	1942431	38f7331e-2044-4b07-aaea-a644e8e6a3e2	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	6	279	482	17946	0.0113943	0.0113943	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ac6092c153bca66a6c7424227b4c7aa7-f649e78a0e3fc5c7	dana	laptop1	1748188169614	1942431	38f7331e-2044-4b07-aaea-a644e8e6a3e2	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	3	74	876	18428	0.009932400000000001	0.009932400000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3021685f23d524b36e2b49a636743637-cdc9fb3641a0666d	dana	laptop1	1748139995208	1942377	49ecad2b-c8fd-44e4-bea5-6dcdfaafb98b	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	5	212	5502	13566	0.0278973	0.0278973	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0b73a232ebf797d178aab1c87954c7ff-e23165941753fc9d	dana	laptop1	1748140356674	1942378	49ecad2b-c8fd-44e4-bea5-6dcdfaafb98b	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	2	206	5726	13584	0.0286437	0.0286437	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7f86c29e7f5e8572197e1a32908f08d3-5548bdf0b12b03c9	dana	laptop1	1748140364880	1942378	49ecad2b-c8fd-44e4-bea5-6dcdfaafb98b	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	2914	1484	11040	19310	0.07819499999999999	0.07819499999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f8b3a2d1f038ce65ec8b4d5250cca764-0245557222e30725	dana	laptop1	1748140393640	1942378	49ecad2b-c8fd-44e4-bea5-6dcdfaafb98b	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	3221	144	5678	30350	0.0422205	0.0422205	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f54beb087113d29cd8d688517a4a3274-8ee86ac71aeb113b	dana	laptop1	1747796501814	1941996	67b3db69-088b-47d6-a25e-9cc88a47684e	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	2.0.76	5	502	12190	0	0.40342500000000003	0.40342500000000003	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4ddc96e68644717a893b9ad24c6effd1-d430cedbafb94d33	dana	laptop1	1747796515526	1941996	67b3db69-088b-47d6-a25e-9cc88a47684e	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	2.0.76	6	168	4616	12190	0.169455	0.169455	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9bab7710449eaaf68b9d94e23eaac127-d3491b88a655524d	dana	laptop1	1747796539628	1941996	67b3db69-088b-47d6-a25e-9cc88a47684e	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	\N	8	42	0	10878	0.019587	0.019587	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c6269a67d225a6ac333e7740c34787a4-24d7b9587c6ea485	dana	laptop1	1747796612649	1941996	67b3db69-088b-47d6-a25e-9cc88a47684e	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	\N	9	336	1140	10878	0.075852	0.075852	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	46125535c2c19437172a47d2f660c2cf-d1c74332ae48401b	dana	laptop1	1747796640128	1941996	67b3db69-088b-47d6-a25e-9cc88a47684e	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	f	2.0.76	2	206	1269	16806	0.078759	0.078759	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	72aaaab423756beb77f7a4ba5a2cf7c7-8e9eb64afb5e4a61	dana	laptop1	1747796634724	1941996	67b3db69-088b-47d6-a25e-9cc88a47684e	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-1-20250805	f	t	2.0.76	2	197	973	12018	0.062022	0.062022	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2a71b3d45d070d5d1467cbb62362f07e-24f8718fdc22e7d1	dana	laptop1	1747717594164	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3775	339	9425	0	0.05175375	0.05175375	0.05175375	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d544649301b96c60f0e2ce260a06515e-4739177a017e149f	dana	laptop1	1747717662151	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	11	118	5804	9425	0.0263955	0.0263955	0.0263955	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8a4c75caf86c44031624735d33e7648b-a6866c94e77c2db1	dana	laptop1	1747717678911	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	6	34	2011	15229	0.01263795	0.01263795	0.01263795	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	de9dd7c4159a46ac21c5cda61014f226-24cf01e9068f2391	dana	laptop1	1747717708678	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	11	162	792	17240	0.010605	0.010605	0.010605	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	10cbb33776abf12beeec1ce2860b2d27-cdbb6d6e47938397	dana	laptop1	1747717791907	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	766	2946	3038	18032	0.0632901	0.0632901	0.0632901	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	faec33cfb27697771f418e3b7b5c8013-14151a7fa88ce953	dana	laptop1	1747717815121	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3	418	6366	21070	0.0364725	0.0364725	0.0364725	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	de63f582cc096d732da8aea3ab80f711-6c6727c8873c4b45	dana	laptop1	1747717869609	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	7	326	2292	27436	0.0217368	0.0217368	0.0217368	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c668b5f3c3b92bf9205db3d1d854e14c-3fce2dfcaffc332b	dana	laptop1	1747717888197	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	5	1256	799	29728	0.03076965	0.03076965	0.03076965	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	819a06721fb5b389b3a546843dcf7932-20f128fc160d7501	dana	laptop1	1747717895510	1941908	842dc60f-fd07-40b9-b61a-711b979778b3	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	5	61	1830	30527	0.0169506	0.0169506	0.0169506	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	fa1f0be8c8779564732549fcbaaf4dce-2d25dbe280130e0d	dana	laptop1	1747745536805	1941939	859fb556-665b-4334-afa5-b4831222f6ae	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	9	162	2969	16566	0.030934249999999996	0.030934249999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c9a52834457fa65330d33ac6ec559cbb-046f01dc4a1a7169	dana	laptop1	1747745557114	1941939	859fb556-665b-4334-afa5-b4831222f6ae	-Users-dev-code-app	-Users-dev-code-app	claude-opus-4-6	f	f	2.1.9	5	70	2176	19535	0.0251425	0.0251425	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ae5ad37da64a816e763bf49cc92bf0d6-7f8d3d2713ebbe2f	dana	laptop1	1747955152174	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	2664	34	365	12807	0.01371285	0.01371285	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6c5a38ae774bcdfa80427610b7074241-88c4389b59979a4d	dana	laptop1	1747955175313	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	3	12	3127	13172	0.015866850000000002	0.015866850000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1c007ebde97d20042d78096bc8166e02-4e08334e9e743791	dana	laptop1	1747955253486	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	3	1731	854	16299	0.0340662	0.0340662	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	430d7320b0192ca1b586f7a48e2f8934-8777d4db7f5b73c3	dana	laptop1	1747955340479	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	2	1898	6740	17153	0.05889690000000001	0.05889690000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7c7f8861662937775e59c4a600d2151e-da3ee80dd7b112e1	dana	laptop1	1747955397762	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	9	229	2052	23893	0.018324899999999998	0.018324899999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8aa7a99a814155268988bce996439625-e85940e788ba15a3	dana	laptop1	1747955425444	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	5	300	962	25945	0.015906	0.015906	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d06e28f470c67cbe8fca16cc7f669af0-fe49de84468841bf	dana	laptop1	1747955431956	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	3	176	1032	26907	0.014591100000000001	0.014591100000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ef7f2100dd5bb158d819bd7df2d7a8c4-cbaa5b5cef221237	dana	laptop1	1747955439030	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	1982	202	465	27939	0.01910145	0.01910145	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8be890a3422868748d07585eccc4554a-aa822c213e0d845d	dana	laptop1	1747955452932	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	11	62	3015	28404	0.020790450000000002	0.020790450000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4dc75cf315c0e893453e6d1783ca1c91-da35302446402159	dana	laptop1	1747955514484	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	11	505	161	31419	0.01763745	0.01763745	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2eebd1db3d597d7191a979ef5e8ff0c0-941ed36766589631	dana	laptop1	1747955522999	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	1100	1062	753	31580	0.03152775	0.03152775	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	478f497925ff800f5fea1cc85f39bcca-d3088378eb1e8cd9	dana	laptop1	1747955532699	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	5	142	2593	32333	0.021568649999999998	0.021568649999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	af8ea1b6b7f8173ab73fbeb2e0199b47-e0759522f174f147	dana	laptop1	1747955670424	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	7	123	164	34926	0.0129588	0.0129588	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f2867d61ad9dbb6ad9e5b5b60e5e5422-ab886189c4fef70f	dana	laptop1	1747955693755	1942172	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	12	77	750	35090	0.0145305	0.0145305	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6aeba8355b85688c0e7a210b0243d7d1-6dff296486a2936f	dana	laptop1	1747955715839	1942173	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	1653	200	1218	35840	0.0232785	0.0232785	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	fcdfeccebe5fa078f7b7274c6e6f85d6-ebf8e60594e66c13	dana	laptop1	1747955782463	1942173	b1e5c672-1871-4492-8288-bcca85864de4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.88	6	521	2376	37058	0.0278604	0.0278604	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3376129afb3f2e2f3459c192bf4ea52c-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	8	340	2799	12526	0.01937805	0.01937805	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7d9e61b723633a1a8ea9cc16d540f23f-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	1	312	508	15325	0.011185500000000001	0.011185500000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0f0d1e99133b559c398ce096ad6360f5-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.76	8	51	6594	15833	0.010088799999999998	0.010088799999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	596639c6ce5f6c29e782e29692a056f7-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	8	138	8935	13568	0.03967065	0.03967065	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a5c05c911984033574c8236b8e6782e3-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	2029	432	1916	22503	0.026502900000000003	0.026502900000000003	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1f955fcba296d5d950ebbd1fe765e40e-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	5	162	3069	24419	0.02127945	0.02127945	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c067336a43cf3501401add395c358640-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	1672	310	778	27488	0.0208299	0.0208299	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a0765c42d0f5ec85db78fcd10f32ce35-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	6	87	3381	28266	0.02248155	0.02248155	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9fd9650c277a5d64c011064d3aaa39b4-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	5	60	797	31647	0.01339785	0.01339785	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	3ba34f312940f10f78f0281240008eb3-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	6	115	1161	32444	0.01582995	0.01582995	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	380ad9b820428ef5f61a6212670ae040-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	12	496	22708	11044	0.09594420000000001	0.09594420000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c2438b5ca1d2f5716b3bf1dfd8adf748-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	3	894	778	33752	0.026462100000000002	0.026462100000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	444c4daffaf4eefaedf36c04224294df-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	4	81	1067	34530	0.01558725	0.01558725	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	44b4871961a9c34ee3565505468ded94-0000000000000000	dana	laptop1	1747987614667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	10	48	288	35597	0.012509099999999999	0.012509099999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5591809fa451b83bd468bcab77b2c52b-c1c8031fc4d06021	dana	laptop1	1747977551486	1942197	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	7	132	128	35885	0.0132465	0.0132465	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ab43b67fd78e3806d9faeee294028d26-179714290b956153	dana	laptop1	1747987622337	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	8	2256	28421	0	0.14044275	0.14044275	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c0c84f07a621763b12d1a48870bfea4a-d814e5993f9941ad	dana	laptop1	1747987659719	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.1.34	2	43	4194	28421	0.008301600000000001	0.008301600000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d0a50031c10535006db601e01018959d-1f448f2a1b6ba22d	dana	laptop1	1747987677667	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	3	64	86	32615	0.011075999999999999	0.011075999999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7e31b7e2af8d24d73e1dd807c8c9d0dd-13f05d97d84a26c7	dana	laptop1	1747987737671	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	11	366	2367	32701	0.02420955	0.02420955	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7d17ab03cb0783f17de088efe00fb77c-4bce0f7abbecdbb3	dana	laptop1	1747987779933	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.1.34	5	168	1719	35068	0.00650055	0.00650055	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	525ead066add810e6343042094e535af-51bc6988bb799b7d	dana	laptop1	1747987872823	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	11	379	394	36787	0.0182316	0.0182316	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	58947d99d1e148e940424aae3d0d7fb9-84bcc42da8114b81	dana	laptop1	1747987896691	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	1	262	526	37181	0.0170598	0.0170598	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	bfaad5060173379f8c7976ed65dea9be-6ebc8ac770495fff	dana	laptop1	1747987919319	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	1978	63	856	37707	0.0214011	0.0214011	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c617ec1add736a70e9eaf1cee20e1491-e025318027333eeb	dana	laptop1	1747987985912	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	4	2355	3911	38563	0.06157215	0.06157215	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d159b0f169ba1ba387e14bef86df8102-d4fc8bbc19e86091	dana	laptop1	1747988078295	1942208	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	1619	52	6829	42474	0.04398795	0.04398795	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2552efb3dc489905c4027058cab4b98a-b0352397a17f0b87	dana	laptop1	1747988488309	1942209	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	6	665	50991	0	0.20120925	0.20120925	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8a456924d447636d0500fbce9e8223f2-432c58bf3e0dfdeb	dana	laptop1	1747988493187	1942209	bc2cd46f-8bb8-4b25-9a04-1c643c8d6f4d	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.34	1696	1196	813	50991	0.041374049999999996	0.041374049999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f63fd3cd117bc5048863e0083ca4855e-5f447979fcb4aba9	dana	laptop1	1747917925694	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	4	74	17578	0	0.0670395	0.0670395	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	09bc15179a8336f79226c604fb95e0ef-96432032a4301de9	dana	laptop1	1747918003309	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	6	119	84	17578	0.0073914	0.0073914	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e6981e8f111241d651dd58c8a5e1b465-cb1a1394f6504b31	dana	laptop1	1747918009165	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	10	455	779	17662	0.01507485	0.01507485	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e51cb068d426b9215a45378bb50002ac-2733386a78abadcb	dana	laptop1	1747918026458	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	6	574	1167	18441	0.01853655	0.01853655	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	99a328cafa73278cd8cd62867f37bc3f-be2500c499963b1d	dana	laptop1	1747918044052	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	10	588	669	19608	0.01724115	0.01724115	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b356ca80f24e279a9088beee4f75ecdd-cfa0a7a43ad83455	dana	laptop1	1747918071847	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	1150	618	4018	20277	0.0338706	0.0338706	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c1503f538f39ec84d2c7431d3219eb3d-8ee56d6c84371143	dana	laptop1	1747918073696	1942131	c16aa5fe-cc29-4634-8a90-7d701b2524f4	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	6	469	2185	24295	0.02253525	0.02253525	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	537a9247384cba90fa636fef89986e7f-b1c88607db6ea587	dana	laptop1	1748151549093	1942390	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	11	1380	33109	13477	0.05096345	0.05096345	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4116a0177f3e8c259aeb56a9acc7c372-e29fa385faf2f363	dana	laptop1	1748151573703	1942390	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	7	76	1608	46586	0.00711935	0.00711935	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c2bcba8997562432c31ad4bcb45bede1-66f0798b39bfb58b	dana	laptop1	1748151595894	1942390	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	5	1866	800	48194	0.015185900000000002	0.015185900000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9a912c36a3f3d16bd10d847220898093-b91ae22bed695e81	dana	laptop1	1748151696594	1942390	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	9	2040	2512	48994	0.01834815	0.01834815	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	52124969e07eab7caa112f761a682194-ac1f63c57efaffd3	dana	laptop1	1748151869819	1942390	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	3727	482	2594	51506	0.014632850000000001	0.014632850000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	acd07a980236d6cc98e46e127a34ffc6-fe1b017ce8f16e07	dana	laptop1	1748151961637	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	11	822	4944	54100	0.015907499999999998	0.015907499999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	8c7e63ce16c7bbfad3f6dac75e91a02c-ad003047de42e9b9	dana	laptop1	1748152006450	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	12	181	1044	59044	0.00816765	0.00816765	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	bf61f8be0228a623a760f6174aba7d43-3ecdbeb693b75b3f	dana	laptop1	1748152075384	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	11	66	516	60088	0.00701505	0.00701505	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7f18ddb28bd8a93b2a2892bbd250ea53-dd8ca5ab41b2bfb7	dana	laptop1	1748152169457	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	3	1092	1557	60604	0.01353115	0.01353115	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6536c8cba715c327af453ccea33e03fa-e84863f51198219d	dana	laptop1	1748152432843	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	349	187	2855	62161	0.0111821	0.0111821	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7b6ffde24d1da27a0b3fe0d8a2bf4fdd-bcee0d6b0680af41	dana	laptop1	1748152681088	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	3	288	556	65016	0.00866135	0.00866135	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	38dfb945b4b7d9715d74be3355719b7f-72dd57e16e74f3ff	dana	laptop1	1748152684749	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	6	380	322	65572	0.00887845	0.00887845	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6106f62136046d96357f35307ed02869-2cdc01997b49f86f	dana	laptop1	1748152769879	1942391	c965b9a9-188f-4f16-8480-a7447ee9a3a7	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.0.14	1233	424	811	65894	0.010988399999999999	0.010988399999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	41f26bf0f831f48badce4c21d1b5e6bf-2bdc11693f2c5e11	dana	laptop1	1747874817249	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	5	360	0	11073	0.0087369	0.0087369	0.0087369	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	76c9904567f7052ff3a9c70733283c76-99a505ba76487fef	dana	laptop1	1747874822550	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3	144	3590	11073	0.0189534	0.0189534	0.0189534	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2e24389f7b8d95dafe95c01684de4169-bc0cd42b073822db	dana	laptop1	1747874832541	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	1	9	264	14663	0.0055269	0.0055268999999999995	0.0055269	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	14efb116863153127f1fffbca71b47e7-f1ba383c9619897b	dana	laptop1	1747874860070	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	59	312	0	14927	0.0093351	0.009335099999999999	0.0093351	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	135a499ba4c4d082006215714147a04a-a6347e408288ad03	dana	laptop1	1747874898755	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	4	188	1422	14927	0.0126426	0.0126426	0.0126426	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9f840cb1521cc2728efc3f9111777aed-36b49bcb573e2289	dana	laptop1	1747874921050	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3	151	1748	16349	0.0137337	0.0137337	0.0137337	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	cd89e47d20e23429a6ff064a4f73ca44-3f6659f290ec7001	dana	laptop1	1747874936676	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	6	320	5387	18097	0.03044835	0.03044835	0.03044835	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	a9b3dd0a6f505f8ad335570bc85e551f-e0091dafade518c9	dana	laptop1	1747874943127	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	6	663	4590	23484	0.0342207	0.03422070000000001	0.0342207	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	27b5c859689384c804622593efc13dc6-65bc602bfbddd0c1	dana	laptop1	1747875422754	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	12	1472	17667	12682	0.09217185	0.09217185	0.09217185	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	cb4132b294b11ded4f819823094a1b2a-2f7f619f56083f55	dana	laptop1	1747875497108	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	1	414	2229	30349	0.02367645	0.02367645	0.02367645	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f4d260236070eb8931efafe2f21889ed-537fdc3f3f9f760f	dana	laptop1	1747875505077	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3508	1936	0	32578	0.0493374	0.049337400000000003	0.0493374	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d8c16ceb11b972619a382b3ee8c83762-2a9b6b98efe21b2b	dana	laptop1	1747875513599	1942083	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	12	144	5612	32578	0.0330144	0.0330144	0.0330144	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	313bb0ecdd528e725f08904287fa1d39-ba18e0258ceca5a1	dana	laptop1	1747875756601	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	8	90	162	38190	0.0134385	0.013438499999999999	0.0134385	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7724d9405465c8c76143b446f1ff3c0a-10bf6e75ff2c5ec3	dana	laptop1	1747875758833	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	4	831	823	38352	0.02706885	0.02706885	0.02706885	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d77eaca285efa613b442e3766d68f5ef-c84b96ffdc1e34c3	dana	laptop1	1747875825528	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	12	1024	1278	39175	0.031941	0.031941	0.031941	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	de477fb06a78eea95cc78d36cdb07651-badea29fb5bdc55f	dana	laptop1	1747875843244	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	12	80	1794	40453	0.0200994	0.0200994	0.0200994	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	bc60b7eb2a067804740e1e710f2fcc57-323fb47dce27bb89	dana	laptop1	1747875874986	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	1	180	1099	42247	0.01949835	0.019498349999999998	0.01949835	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e9c47d2705fda269c795b0c7cb61abee-f314bc07ce104a83	dana	laptop1	1747875898028	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	4	1322	225	43346	0.03368955	0.03368955	0.03368955	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	129d7cda0bd61c63d43a75632dda91d5-e194b43267be551f	dana	laptop1	1747875909953	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	1863	585	0	43571	0.0274353	0.0274353	0.0274353	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	87f328448660cbd9b3bce73f974d6f5a-73ba1fa15d9c8ddd	dana	laptop1	1747875926940	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	2	294	7828	43571	0.0468423	0.046842299999999996	0.0468423	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b09f7bb12196a3e39a0350ef24aebf9a-925ecd03b30908f5	dana	laptop1	1747875995911	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	10	370	4293	51399	0.03709845	0.037098450000000005	0.03709845	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f595fcab09e3f3eb7e62d9ddb0633c90-911b0f3a336c1a95	dana	laptop1	1747876022805	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	6	220	828	55692	0.0231306	0.0231306	0.0231306	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	899fa69c61586b90ec0cdc0a202d797f-8bdfb345b22cba9d	dana	laptop1	1747876053400	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	2	1232	456	56520	0.037152	0.037152	0.037152	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	40ba9fae42722c2b19a78c4a1e971105-edd6a9af2f3e3871	dana	laptop1	1747876133231	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	11	232	2700	56976	0.0307308	0.0307308	0.0307308	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	443360ea5621721669f474327a20c626-453f600d490a4879	dana	laptop1	1747876220559	1942084	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	10	390	6978	59676	0.0499503	0.0499503	0.0499503	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f7cbace30ac05aea7abe2c326258f363-c810aefd8bc694c9	dana	laptop1	1747876554640	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	2	70	52682	14398	0.2029329	0.2029329	0.2029329	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c27e03f08aca6ac2024c25b2059e642c-92d0c9a7d4457f39	dana	laptop1	1747876561363	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	9	530	706	67080	0.0307485	0.030748499999999998	0.0307485	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9bb3168646dd7a7a71d653d15a3828a0-84da2c0b9f097a79	dana	laptop1	1747876597960	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	10	1584	2669	67786	0.05413455	0.054134550000000004	0.05413455	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5584cdb2b8170554c2c5ff21095dcd93-446b9721183304e3	dana	laptop1	1747876652545	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	1323	29	2342	70455	0.034323	0.034323	0.034323	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	629728054dd197ff211033d1da7f4bc3-fd0fd7b20caec11f	dana	laptop1	1747876665023	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	8	138	1877	72797	0.03097185	0.030971850000000002	0.03097185	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d33177d124addf72dda17a20a7cf383a-2a0693bd318686e5	dana	laptop1	1747876692936	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	7	112	1989	74674	0.03156195	0.03156195	0.03156195	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0be5bc526edbea9f0631bc849eeeb2ae-54dc07078d4a6951	dana	laptop1	1747876773646	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	8	134	5955	76663	0.04736415	0.04736415	0.04736415	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	85fe17893ee2d1697b70268209066353-adfbef331c8f1fad	dana	laptop1	1747876858038	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	12	787	2130	82618	0.0446139	0.0446139	0.0446139	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	68f744ecebe4aa1f04f03942019f02a5-8e1f1cede9737601	dana	laptop1	1747877011911	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3	337	805	84748	0.03350715	0.03350715	0.03350715	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6d7882b55e4d63ccd2b6994de5919e45-08d625c3bbc1a7ab	dana	laptop1	1747877345563	1942085	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	7	241	71421	14496	0.27581355	0.27581355	0.27581355	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	b570a7fc13cafe08fd1303fe113b8c79-5a3eb0cc8da91a3f	dana	laptop1	1747877772247	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3	1002	72687	13484	0.29166045	0.29166045000000007	0.29166045	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	199ac6ff7826d11618dbcd111f4a3945-fb708c20340d5495	dana	laptop1	1747877806127	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	3503	1250	0	86171	0.0551103	0.0551103	0.0551103	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ee05dfaf45d7204f003898ff712af51a-e2dd81e2a67e8197	dana	laptop1	1747877826825	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	6	95	8206	86171	0.0580668	0.0580668	0.0580668	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7aef2264faa1668c778a236280785570-c4d9bc1cf0032aaf	dana	laptop1	1747877839348	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	2320	219	127	94377	0.03903435	0.039034349999999995	0.03903435	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4226051a12fc03b221fcc27c77740ef9-4351370a366bcee1	dana	laptop1	1747877846187	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	4	2804	3146	94504	0.0822207	0.08222070000000001	0.0822207	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ad191946d63d2c6bbb151209ec6ea034-a31b2ef6169b6101	dana	laptop1	1747877936178	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	4482	1052	0	97650	0.058521	0.058521	0.058521	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e68013fb17f58943177b7a67ed492945-7664c7e8e01950cf	dana	laptop1	1747877943575	1942086	d5bb9b7a-eca7-41b7-b406-b3b552036f62	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-20250514	f	f	1.0.27	4	671	6234	97650	0.0627495	0.0627495	0.0627495	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1817e737f83898bdd8a438fc729e60c8-fe6e5066f76e92a9	dana	laptop1	1747977588471	1942197	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	114	178	353	36013	0.015139650000000001	0.015139650000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c1bb56564484c81e0c03fb7df0697dca-e224c63cfc34d8e3	dana	laptop1	1747977674330	1942197	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	10	322	318	36366	0.0169623	0.0169623	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5eb5fd30d6409f8473a441229c7e2e57-0524115982e982a3	dana	laptop1	1747977688984	1942197	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	11	94	5653	36684	0.033646949999999995	0.033646949999999995	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	654bf7f43c08a4aa85b5afd2fa5d90e9-36b9c9628c83553b	dana	laptop1	1747977991309	1942197	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	10	380	44434	0	0.17235750000000002	0.17235750000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	2309a101fdb89b3dabfd63b0350818fd-763c43e8faf47a2d	dana	laptop1	1747978099633	1942197	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	12	308	1146	44434	0.022283699999999997	0.022283699999999997	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	85895e4cbbd61fb04842d85d4e035ee8-a38ace046dce4ed9	dana	laptop1	1747978209124	1942198	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	12	38	1585	45580	0.02022375	0.02022375	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	0c86a5906f62cbe35b323574364baf04-d8c41708e820d99d	dana	laptop1	1747978800436	1942198	e0dc7e3a-615e-4166-b1dc-3fa655c24c0e	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.0.76	12	718	47238	0	0.18794850000000002	0.18794850000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d34dcef7969475a1ddfd0e460c505700-a9eb2a1d50a1b27b	dana	laptop1	1748149753939	1942388	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	6	674	0	10780	0.013362000000000002	0.013362000000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	82be88abf162fe0895d6869c50af51ec-c0c0dd0a41c474b9	dana	laptop1	1748150251798	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	8	444	0	11483	0.0101289	0.0101289	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	abc2f884fad13dfca89c14797e93cff7-77866f972cf1d555	dana	laptop1	1748150714691	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	12	355	13022	0	0.0541935	0.0541935	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	63dcc600898adfd9b7e45992b6c5a49f-725cf696a84b4115	dana	laptop1	1748150724577	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	\N	9	2643	0	7117	0.013935700000000002	0.013935700000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e62b955a554ccf8ecd616af16175f3e9-3861fe4b47eea69b	dana	laptop1	1748150738917	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	\N	11	162	2808	7117	0.0050427	0.0050427	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	26ada847dd545b32e153815c49bab142-5f6f3ee8c9b07637	dana	laptop1	1748150750357	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	\N	3751	300	975	11182	0.00758795	0.00758795	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9df3fe98a97f84ee599a4c38fd93cf89-3903f4f9bc3c408f	dana	laptop1	1748150837358	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	3	286	948	13022	0.0117606	0.0117606	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	81e1469fb0da00972692b186c891d5d6-244b2a71f582d545	dana	laptop1	1748150900730	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	442	235	315	13970	0.01022325	0.01022325	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	71f319999155cf97af69c422fdd2716e-55c24d70881c0b7f	dana	laptop1	1748150930473	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	7	874	2850	14285	0.028103999999999997	0.028103999999999997	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c2193c61a3f5958747a98ce5c91aab4e-6623b5a1df4cf507	dana	laptop1	1748150933265	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	7	247	1086	17135	0.012938999999999999	0.012938999999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	e419fb8ab6b0c3eb3ada2dbdebc4505d-c4f1f76cfbfcd74d	dana	laptop1	1748151110772	1942390	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	12	80	260	18221	0.0076773	0.0076773	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	53589726fe12fbcc4450a0037b8da0e5-0000000000000000	dana	laptop1	1748151112567	1942390	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	<synthetic>	f	f	2.1.9	0	0	0	0	0	0	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	c7c4d81bfc74b9aaf1dbd6f847954a8d-0f27a6983bd41b79	dana	laptop1	1748160681334	1942400	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	4	354	7643	11160	0.037331249999999996	0.037331249999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	01b52b8df00d71058c347cc0a695036f-84dae2d584ede5d5	dana	laptop1	1748160778550	1942400	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	10	1089	526	18803	0.023978399999999997	0.023978399999999997	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9ae8c62a3d7ba23093a8b3b2d3ba46de-4c20a9b5daf5ac8d	dana	laptop1	1748160865813	1942400	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	4	360	4580	19329	0.0283857	0.0283857	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	76b7b51ca05d80072fd074ceae5be182-f22fbbd492ee5ef7	dana	laptop1	1748160885326	1942400	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	2.1.9	2	622	2171	23909	0.00821665	0.00821665	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	cae83b65ebf725144f69154b4cdb4bc5-2954cc76fadd12a7	dana	laptop1	1748160920449	1942401	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	8	1868	2443	26080	0.04502925	0.04502925	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f65ebbfad90898509336a1f358bb7d0d-e55869f6e3dd809f	dana	laptop1	1748161013103	1942401	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	6	52	3023	28523	0.02069115	0.02069115	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9ab7c9a9a5196d52323f2d167a5f4576-1b08bdd0d4e8fbb3	dana	laptop1	1748161089917	1942401	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	3	576	2544	31546	0.027652799999999998	0.027652799999999998	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	f21bf5c66f2f1d1846447a4fe5c0849e-e61e4d355943c883	dana	laptop1	1748161233556	1942401	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	6	104	4134	34090	0.027307500000000002	0.027307500000000002	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	800dc2bfd0f4a83b2a1b66459e826ea2-7c967abadb4ac969	dana	laptop1	1748161840461	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	12	396	26851	11505	0.11011874999999999	0.11011874999999999	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	832cd4f801078b971dc1e79685a6bc3b-43e5165d89a1a3db	dana	laptop1	1748162316083	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	8	163	26118	12667	0.1042116	0.1042116	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	7e573062622b0bfe28f83990441fd548-54d03e7c4088645f	dana	laptop1	1748162326607	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	\N	4	756	494	11818	0.005583300000000001	0.005583300000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	693eb4880bbb61436cc48813c3c24d93-df7324f92c509da5	dana	laptop1	1748162397889	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	f	\N	9	444	1144	12312	0.0048902	0.0048902	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	fb693a39c96c68ef2a95a651180e2d96-14d463865c7dbfef	dana	laptop1	1748162456055	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	3	672	471	38785	0.02349075	0.02349075	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	4e32142a7047b2579c132079b4f49296-73c8fa042cf653f5	dana	laptop1	1748162504071	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	12	162	1583	39256	0.020179049999999997	0.020179049999999997	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	5b9b990b3b151f89d85aa11aae99b428-0be714fcc9837895	dana	laptop1	1748162550909	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	3631	602	254	40839	0.033127199999999996	0.033127199999999996	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	57ea7a4e9110ffe6f27982694b8fcd9e-d11de4cfd33aa493	dana	laptop1	1748162598650	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	\N	3	467	1213	7621	0.01384905	0.01384905	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1708a04bf0d6ea9ce0a93eaf3e224a23-a995059af328003d	dana	laptop1	1748162652518	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	\N	6	226	540	8834	0.0080832	0.0080832	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	772477215b0c013fdd1452a95b64d74d-30eb93d888716757	dana	laptop1	1748162668814	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	\N	7	156	1198	9374	0.0096657	0.0096657	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	1062062b3dac608992916a9cd019a85a-392b48b8b8194ff5	dana	laptop1	1748162784424	1942403	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	f	2.1.9	7	50	5196	41093	0.0325839	0.0325839	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	78ae581210ec2991494e699fc5edcf4b-fcdafd50576c8483	dana	laptop1	1748162319033	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	t	2.1.9	12	720	0	10825	0.0046945	0.0046945	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	fb227daa3c183fa5ca4184ce7cd3177d-9d055cdd705cfdd1	dana	laptop1	1748162321592	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	t	2.1.9	6	444	993	10825	0.00454975	0.00454975	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	9baec87c8114072471a56ee8ea3fbc13-bf08851f28adb3ef	dana	laptop1	1748162414907	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	t	2.1.9	4	182	2153	13456	0.00495085	0.00495085	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	ec78cf8ba16263b28b68cfbff5fc12a4-2ab2a8cda045be5d	dana	laptop1	1748162427009	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	t	2.1.9	5	116	212	15609	0.0024108999999999997	0.0024108999999999997	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	86ef5b250aa04d515a5e28823ace67a7-cedc9bbdf037a97d	dana	laptop1	1748150746304	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	t	2.1.9	9	720	1257	9925	0.006172750000000001	0.006172750000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	69f2509e0d34cc94581efdca0e9c2e0e-ea29d4a199a08e59	dana	laptop1	1748150812732	1942389	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-haiku-4-5-20251001	f	t	2.1.9	6	119	4476	12157	0.0074117	0.0074117	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	d558ff6e9027e89646d19399df23b2d5-85c2bcad87638c3f	dana	laptop1	1748162579459	1942402	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	t	2.1.9	5	210	7621	0	0.03174375	0.03174375	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	6a369b8a6e8516a5e69589091dbc2621-a8f7b901046256ab	dana	laptop1	1748162762190	1942403	ede5b659-6cb8-4478-9af3-824cd97dbc25	-Users-dev-code-app	-Users-dev-code-app	claude-sonnet-4-5-20250929	f	t	2.1.9	10	31	1006	10572	0.007439100000000001	0.007439100000000001	0	2026-11-27 16:15:51.404346+00	ccusage_admin
claude	73bbc108904626e5dbaabf7595f27668-02a5d12ac8e4f027	erin	laptop2	1748107528274	1942341	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	9	5318	3600	12975	0.1109475	0.4859475	0.1109475	2026-11-27 16:15:57.920526+00	ccusage_admin
claude	811d8bbdb6d9162e40aeaa351ec84b3f-9525a8391a56bc95	erin	laptop2	1748107848584	1942342	e6ef44a3-bb4a-4bd6-8d6b-9a18067bfeb1	-Users-dev-code-api	-Users-dev-code-api	claude-opus-4-1-20250805	f	f	1.0.27	19035	5114	0	0	0.294075	0.669075	0.294075	2026-11-27 16:15:57.920526+00	ccusage_admin
\.


--
-- Data for Name: meta; Type: TABLE DATA; Schema: ccusage; Owner: -
--

COPY ccusage.meta (key, value) FROM stdin;
schema_version	1
\.


--
-- Data for Name: rollup_member; Type: TABLE DATA; Schema: ccusage; Owner: -
--

COPY ccusage.rollup_member (slot, source, model, fast, user_name, machine, first_ts, events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display) FROM stdin;
1942403	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748162762190	2	17	81	6202	51665	0.040023	0.040023	0
1941943	claude	claude-opus-4-6	f	dana	laptop1	1747749199402	4	13	1336	5346	52031	0.092893	0.092893	0
1942094	claude	claude-opus-4-6	f	dana	laptop1	1747884782173	8	2786	5146	32318	149058	0.4190965	0.4190965	0
1942424	claude	claude-opus-4-1-20250805	f	dana	laptop1	1748181879806	2	14	401	41533	0	0.80902875	0.80902875	0
1941985	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747786703185	5	6751	1326	20085	59635	0.13335225	0.13335225	0
1942421	claude	claude-sonnet-4-20250514	f	dana	laptop1	1748178927012	2	11	1137	2919	24758	0.035461650000000004	0.035461650000000004	0
1942092	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1747882975835	2	5	1380	4476	21636	0.0146636	0.0146636	0
1942377	claude	claude-sonnet-4-20250514	f	dana	laptop1	1748139995208	1	5	212	5502	13566	0.0278973	0.0278973	0
1942208	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747987614667	21	7404	9272	91575	581137	0.6790393499999999	0.6790393499999999	0
1942086	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747877772247	7	10322	7093	90400	570007	0.6473631000000001	0.6473631000000002	0.6473631000000001
1942172	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747955152174	14	5817	6553	23033	357867	0.30947985000000006	0.30947985000000006	0
1942388	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748149753939	1	6	674	0	10780	0.013362000000000002	0.013362000000000002	0
1942097	claude	claude-opus-4-6	f	dana	laptop1	1747887689214	3	6985	2398	42003	113506	0.41414675000000006	0.41414675000000006	0
1942401	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748160920449	4	23	2600	12144	120239	0.12068069999999999	0.12068069999999999	0
1942402	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1748162319033	6	40	2662	4996	74845	0.0270795	0.0270795	0
1941939	claude	claude-opus-4-6	f	dana	laptop1	1747745518610	3	1238	526	5408	52404	0.079342	0.079342	0
1941943	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747749223512	2	12396	91	15555	25276	0.10446705	0.10446705	0.10446705
1941944	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747750021059	5	32	4017	37544	113266	0.23512079999999996	0.23512079999999996	0.23512079999999996
1942389	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1748150724577	5	3786	3944	9516	47498	0.04015080000000001	0.04015080000000001	0
1942402	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748161840461	9	3687	3054	65849	168881	0.35446905	0.35446905	0
1942390	claude	<synthetic>	f	dana	laptop1	1748151112567	1	0	0	0	0	0	0	0
1942085	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747876554640	10	1389	3962	142576	625715	0.7859715	0.7859715	0.7859715
1941948	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747753533619	7	9135	4540	64601	441201	0.47011905	0.47011905	0.47011905
1942431	claude	claude-sonnet-4-20250514	f	dana	laptop1	1748188086280	4	23	1162	19304	51124	0.10522619999999999	0.10522619999999999	0
1942092	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747882919544	4	26	1507	22940	33973	0.1188999	0.1188999	0
1941996	claude	claude-opus-4-1-20250805	f	dana	laptop1	1747796501814	6	32	1451	20188	62770	0.8091000000000002	0.8091000000000002	0
1942173	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747955715839	2	1659	721	3594	72898	0.0511389	0.0511389	0
1942390	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1748151549093	5	3759	5844	40623	208757	0.1062497	0.1062497	0
1942070	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747863290505	3	213	738	21065	40233	0.1102989	0.1102989	0
1941945	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747750532260	9	723	6759	27114	418444	0.3307647	0.3307647	0.3307647
1942378	claude	claude-sonnet-4-20250514	f	dana	laptop1	1748140356674	3	6137	1834	22444	63244	0.14905919999999998	0.14905919999999998	0
1941985	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747786870543	5	3217	1714	22248	70283	0.1398759	0.1398759	0
1942131	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747917925694	7	1192	2897	26480	117861	0.18168930000000003	0.18168930000000003	0
1942096	claude	claude-opus-4-6	f	dana	laptop1	1747886513178	3	2734	184	33855	101209	0.28046825000000003	0.28046825000000003	0
1942391	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1748151961637	8	1628	3440	12605	492479	0.08433165	0.08433165	0
1942198	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747978209124	2	24	756	48823	45580	0.20817225	0.20817225	0
1942192	claude	claude-opus-4-1-20250805	f	dana	laptop1	1747973547385	4	20	2871	23604	56263	0.7425944999999999	0.7425944999999999	0
1942400	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1748160885326	1	2	622	2171	23909	0.00821665	0.00821665	0
1942205	claude	claude-opus-4-1-20250805	f	dana	laptop1	1747984644294	21	1698	5689	49292	1105590	3.0347549999999996	3.0347549999999996	0
1942083	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747874817249	12	3620	6113	42509	232780	0.33179775	0.33179775	0.33179775
1942390	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748151110772	1	12	80	260	18221	0.0076773	0.0076773	0
1942389	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748150251798	6	479	2441	18221	69895	0.12734925	0.12734925	0
1941908	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747717594164	9	4589	5660	32357	168687	0.27061185	0.27061185	0.27061185
1942197	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747977551486	6	164	1414	52032	189382	0.2736366	0.2736366	0
1942084	claude	claude-sonnet-4-20250514	f	dana	laptop1	1747875756601	13	1945	6850	28464	609168	0.3980754	0.3980754	0.3980754
1942095	claude	claude-opus-4-6	f	dana	laptop1	1747885506504	6	38	3921	58682	166936	0.5484455	0.5484455	0
1942208	claude	claude-haiku-4-5-20251001	f	dana	laptop1	1747987614667	3	15	262	12507	79322	0.024890950000000002	0.024890950000000002	0
1942193	claude	claude-opus-4-1-20250805	f	dana	laptop1	1747973797230	8	43	1216	22860	258743	0.9085844999999999	0.9085844999999999	0
1942400	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1748160681334	3	18	1803	12749	49292	0.08969535	0.08969535	0
1942209	claude	claude-sonnet-4-5-20250929	f	dana	laptop1	1747988488309	2	1702	1861	51804	50991	0.2425833	0.2425833	0
1942425	claude	claude-opus-4-1-20250805	f	dana	laptop1	1748182569155	14	4352	8477	65129	455925	2.6061112499999997	2.6061112499999997	0
1942341	claude	claude-opus-4-1-20250805	f	dana	laptop1	1748107528274	0	0	0	0	0	0	0	0
1942341	claude	claude-opus-4-1-20250805	f	erin	laptop2	1748107528274	1	9	5318	3600	12975	0.1109475	0.4859475	0.1109475
1942342	claude	claude-opus-4-1-20250805	f	dana	laptop1	1748107848584	6	1727	5359	37225	135476	1.32901275	1.3290127499999997	1.32901275
1942342	claude	claude-opus-4-1-20250805	f	erin	laptop2	1748107848584	1	19035	5114	0	0	0.294075	0.669075	0.294075
\.


--
-- Data for Name: rollup_team; Type: TABLE DATA; Schema: ccusage; Owner: -
--

COPY ccusage.rollup_team (slot, source, model, fast, first_ts, events, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, cost_auto, cost_calculate, cost_display) FROM stdin;
1941948	claude	claude-sonnet-4-20250514	f	1747753533619	7	9135	4540	64601	441201	0.47011905	0.47011905	0.47011905
1942205	claude	claude-opus-4-1-20250805	f	1747984644294	21	1698	5689	49292	1105590	3.0347549999999996	3.0347549999999996	0
1942198	claude	claude-sonnet-4-5-20250929	f	1747978209124	2	24	756	48823	45580	0.20817225	0.20817225	0
1941985	claude	claude-sonnet-4-5-20250929	f	1747786703185	5	6751	1326	20085	59635	0.13335225	0.13335225	0
1942378	claude	claude-sonnet-4-20250514	f	1748140356674	3	6137	1834	22444	63244	0.14905919999999998	0.14905919999999998	0
1942389	claude	claude-haiku-4-5-20251001	f	1748150724577	5	3786	3944	9516	47498	0.04015080000000001	0.04015080000000001	0
1942391	claude	claude-haiku-4-5-20251001	f	1748151961637	8	1628	3440	12605	492479	0.08433165	0.08433165	0
1941943	claude	claude-sonnet-4-20250514	f	1747749223512	2	12396	91	15555	25276	0.10446705	0.10446705	0.10446705
1942403	claude	claude-sonnet-4-5-20250929	f	1748162762190	2	17	81	6202	51665	0.040023	0.040023	0
1942208	claude	claude-haiku-4-5-20251001	f	1747987614667	3	15	262	12507	79322	0.024890950000000002	0.024890950000000002	0
1942389	claude	claude-sonnet-4-5-20250929	f	1748150251798	6	479	2441	18221	69895	0.12734925	0.12734925	0
1942421	claude	claude-sonnet-4-20250514	f	1748178927012	2	11	1137	2919	24758	0.035461650000000004	0.035461650000000004	0
1942092	claude	claude-haiku-4-5-20251001	f	1747882975835	2	5	1380	4476	21636	0.0146636	0.0146636	0
1942097	claude	claude-opus-4-6	f	1747887689214	3	6985	2398	42003	113506	0.41414675000000006	0.41414675000000006	0
1942388	claude	claude-sonnet-4-5-20250929	f	1748149753939	1	6	674	0	10780	0.013362000000000002	0.013362000000000002	0
1941945	claude	claude-sonnet-4-20250514	f	1747750532260	9	723	6759	27114	418444	0.3307647	0.3307647	0.3307647
1942131	claude	claude-sonnet-4-5-20250929	f	1747917925694	7	1192	2897	26480	117861	0.18168930000000003	0.18168930000000003	0
1942083	claude	claude-sonnet-4-20250514	f	1747874817249	12	3620	6113	42509	232780	0.33179775	0.33179775	0.33179775
1942390	claude	<synthetic>	f	1748151112567	1	0	0	0	0	0	0	0
1942377	claude	claude-sonnet-4-20250514	f	1748139995208	1	5	212	5502	13566	0.0278973	0.0278973	0
1942208	claude	claude-sonnet-4-5-20250929	f	1747987614667	21	7404	9272	91575	581137	0.6790393499999999	0.6790393499999999	0
1941985	claude	claude-sonnet-4-20250514	f	1747786870543	5	3217	1714	22248	70283	0.1398759	0.1398759	0
1942095	claude	claude-opus-4-6	f	1747885506504	6	38	3921	58682	166936	0.5484455	0.5484455	0
1942209	claude	claude-sonnet-4-5-20250929	f	1747988488309	2	1702	1861	51804	50991	0.2425833	0.2425833	0
1942401	claude	claude-sonnet-4-5-20250929	f	1748160920449	4	23	2600	12144	120239	0.12068069999999999	0.12068069999999999	0
1942070	claude	claude-sonnet-4-20250514	f	1747863290505	3	213	738	21065	40233	0.1102989	0.1102989	0
1942390	claude	claude-haiku-4-5-20251001	f	1748151549093	5	3759	5844	40623	208757	0.1062497	0.1062497	0
1942084	claude	claude-sonnet-4-20250514	f	1747875756601	13	1945	6850	28464	609168	0.3980754	0.3980754	0.3980754
1941943	claude	claude-opus-4-6	f	1747749199402	4	13	1336	5346	52031	0.092893	0.092893	0
1942086	claude	claude-sonnet-4-20250514	f	1747877772247	7	10322	7093	90400	570007	0.6473631000000001	0.6473631000000002	0.6473631000000001
1942400	claude	claude-sonnet-4-5-20250929	f	1748160681334	3	18	1803	12749	49292	0.08969535	0.08969535	0
1942431	claude	claude-sonnet-4-20250514	f	1748188086280	4	23	1162	19304	51124	0.10522619999999999	0.10522619999999999	0
1942400	claude	claude-haiku-4-5-20251001	f	1748160885326	1	2	622	2171	23909	0.00821665	0.00821665	0
1942390	claude	claude-sonnet-4-5-20250929	f	1748151110772	1	12	80	260	18221	0.0076773	0.0076773	0
1942094	claude	claude-opus-4-6	f	1747884782173	8	2786	5146	32318	149058	0.4190965	0.4190965	0
1941944	claude	claude-sonnet-4-20250514	f	1747750021059	5	32	4017	37544	113266	0.23512079999999996	0.23512079999999996	0.23512079999999996
1942402	claude	claude-haiku-4-5-20251001	f	1748162319033	6	40	2662	4996	74845	0.0270795	0.0270795	0
1942193	claude	claude-opus-4-1-20250805	f	1747973797230	8	43	1216	22860	258743	0.9085844999999999	0.9085844999999999	0
1941908	claude	claude-sonnet-4-20250514	f	1747717594164	9	4589	5660	32357	168687	0.27061185	0.27061185	0.27061185
1942425	claude	claude-opus-4-1-20250805	f	1748182569155	14	4352	8477	65129	455925	2.6061112499999997	2.6061112499999997	0
1942197	claude	claude-sonnet-4-5-20250929	f	1747977551486	6	164	1414	52032	189382	0.2736366	0.2736366	0
1942192	claude	claude-opus-4-1-20250805	f	1747973547385	4	20	2871	23604	56263	0.7425944999999999	0.7425944999999999	0
1942173	claude	claude-sonnet-4-20250514	f	1747955715839	2	1659	721	3594	72898	0.0511389	0.0511389	0
1942092	claude	claude-sonnet-4-5-20250929	f	1747882919544	4	26	1507	22940	33973	0.1188999	0.1188999	0
1941939	claude	claude-opus-4-6	f	1747745518610	3	1238	526	5408	52404	0.079342	0.079342	0
1942085	claude	claude-sonnet-4-20250514	f	1747876554640	10	1389	3962	142576	625715	0.7859715	0.7859715	0.7859715
1941996	claude	claude-opus-4-1-20250805	f	1747796501814	6	32	1451	20188	62770	0.8091000000000002	0.8091000000000002	0
1942096	claude	claude-opus-4-6	f	1747886513178	3	2734	184	33855	101209	0.28046825000000003	0.28046825000000003	0
1942172	claude	claude-sonnet-4-20250514	f	1747955152174	14	5817	6553	23033	357867	0.30947985000000006	0.30947985000000006	0
1942424	claude	claude-opus-4-1-20250805	f	1748181879806	2	14	401	41533	0	0.80902875	0.80902875	0
1942402	claude	claude-sonnet-4-5-20250929	f	1748161840461	9	3687	3054	65849	168881	0.35446905	0.35446905	0
1942342	claude	claude-opus-4-1-20250805	f	1748107848584	7	20762	10473	37225	135476	1.62308775	1.9980877499999998	1.62308775
1942341	claude	claude-opus-4-1-20250805	f	1748107528274	1	9	5318	3600	12975	0.1109475	0.4859475	0.1109475
\.


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: ccusage; Owner: -
--

ALTER TABLE ONLY ccusage.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (source, dedup_key);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: ccusage; Owner: -
--

ALTER TABLE ONLY ccusage.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: rollup_member rollup_member_pkey; Type: CONSTRAINT; Schema: ccusage; Owner: -
--

ALTER TABLE ONLY ccusage.rollup_member
    ADD CONSTRAINT rollup_member_pkey PRIMARY KEY (slot, source, model, fast, user_name, machine);


--
-- Name: rollup_team rollup_team_pkey; Type: CONSTRAINT; Schema: ccusage; Owner: -
--

ALTER TABLE ONLY ccusage.rollup_team
    ADD CONSTRAINT rollup_team_pkey PRIMARY KEY (slot, source, model, fast);


--
-- Name: events_source_session; Type: INDEX; Schema: ccusage; Owner: -
--

CREATE INDEX events_source_session ON ccusage.events USING btree (source, session_id);


--
-- Name: events_source_ts; Type: INDEX; Schema: ccusage; Owner: -
--

CREATE INDEX events_source_ts ON ccusage.events USING btree (source, ts);


--
-- Name: rollup_member_machine; Type: INDEX; Schema: ccusage; Owner: -
--

CREATE INDEX rollup_member_machine ON ccusage.rollup_member USING btree (machine, slot);


--
-- Name: rollup_member_user; Type: INDEX; Schema: ccusage; Owner: -
--

CREATE INDEX rollup_member_user ON ccusage.rollup_member USING btree (user_name, slot);


--
-- Name: events events_rollup_insert; Type: TRIGGER; Schema: ccusage; Owner: -
--

CREATE TRIGGER events_rollup_insert AFTER INSERT ON ccusage.events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ccusage.rollup_events();


--
-- Name: events events_rollup_update; Type: TRIGGER; Schema: ccusage; Owner: -
--

CREATE TRIGGER events_rollup_update AFTER UPDATE ON ccusage.events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ccusage.rollup_events();


--
-- PostgreSQL database dump complete
--


