package io.longlink.kit.suite;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The server features against the embedded reference server, one scenario at a time: the test
 * suite of scripts/mutation-test.sh, where PIT runs each mutant against the scenarios that cover
 * the mutated line. PIT learns which scenario covers which line from one run of the suite, and
 * scenarios running side by side (as in {@link ReferenceServerSuiteIT}) would blur that map.
 * Not run by the build (its name ends in neither Test nor IT).
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.longlink.kit.steps,io.longlink.kit.suite")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "@server and @must")
@ConfigurationParameter(key = PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, value = "false")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
public class MutationSuite {}
